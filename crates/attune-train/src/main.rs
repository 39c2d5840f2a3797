//! Trains Attune's reply classifier from `data/classifier/corpus.tsv` and
//! writes `data/classifier/model.bin`, byte for byte the same on every run.
//!
//! `cargo run -p attune-train --release` trains and reports held-out
//! scores; `-- --check` retrains and fails if the shipped weights differ.

mod corpus;
mod evaluate;
mod fit;

use std::path::PathBuf;
use std::process::ExitCode;

use attune_core::classify::Model;

struct Args {
    root: PathBuf,
    check: bool,
    report: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut check = false;
    let mut report = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--root" => {
                root = it
                    .next()
                    .map(PathBuf::from)
                    .ok_or("--root needs a folder")?
            }
            "--report" => {
                report = Some(
                    it.next()
                        .map(PathBuf::from)
                        .ok_or("--report needs a file")?,
                )
            }
            other => {
                return Err(format!(
                    "unknown argument {other}; use --check, --root DIR, --report FILE"
                ));
            }
        }
    }
    Ok(Args {
        root,
        check,
        report,
    })
}

fn run() -> Result<bool, String> {
    let args = args()?;
    let corpus_path = args.root.join("data/classifier/corpus.tsv");
    let model_path = args.root.join("data/classifier/model.bin");
    let text = std::fs::read_to_string(&corpus_path)
        .map_err(|e| format!("{}: {e}", corpus_path.display()))?;
    let corpus = corpus::parse(&text)?;
    let (train, held_out) = corpus::split(&corpus);
    eprintln!(
        "corpus: {} lines, {} to train on, {} held out",
        corpus.len(),
        train.len(),
        held_out.len()
    );
    let model = fit::train(&train)?;
    let bytes = model.to_bytes();
    let report = evaluate::report(&model, &held_out);
    print!("{report}");
    if let Some(path) = &args.report {
        std::fs::write(path, &report).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if args.check {
        let shipped =
            std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        let same = shipped == bytes;
        eprintln!(
            "{}: retrained weights are {} the file's ({} bytes)",
            model_path.display(),
            if same {
                "identical to"
            } else {
                "DIFFERENT from"
            },
            bytes.len()
        );
        return Ok(same);
    }
    // The written file must read back as the same model.
    if Model::from_bytes(&bytes).as_ref() != Ok(&model) {
        return Err("the weights did not read back".to_string());
    }
    std::fs::write(&model_path, &bytes).map_err(|e| format!("{}: {e}", model_path.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        model_path.display(),
        bytes.len(),
        model.feature_count()
    );
    Ok(true)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("attune-train: {e}");
            ExitCode::FAILURE
        }
    }
}
