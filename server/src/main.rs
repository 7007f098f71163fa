fn main() {
    std::process::exit(reso::cli::main());
}
