fn main() {
    println!("reso {}", env!("CARGO_PKG_VERSION"));
}
