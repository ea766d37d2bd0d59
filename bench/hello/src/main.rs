//! A clap hello-world: the least a clap program does at start.

use clap::Parser;

/// Says hello.
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// Whom to greet
    #[arg(long, default_value = "world")]
    name: String,
}

fn main() {
    let cli = Cli::parse();
    println!("Hello, {}!", cli.name);
}
