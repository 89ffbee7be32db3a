fn main() {
    print!("{}", process_tracker::core::schema::dataset_schema());
}
