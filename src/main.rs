//! The `attune` program: the command line and the desktop app, or, built
//! for the web (`wasm32`), the app in a page.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser as _;
    attune::cli::run(attune::cli::Cli::parse())
}

#[cfg(target_arch = "wasm32")]
fn main() {
    attune::web::start();
}
