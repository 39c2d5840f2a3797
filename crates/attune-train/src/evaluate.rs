//! Held-out scores: macro-F1 over codes and over families, per-code F1,
//! and confusion matrices, as Markdown for docs/classifier.md.

use std::fmt::Write;

use attune_core::classify::{Code, Family, Model};

use crate::corpus::Example;

/// F1 of one class from a confusion matrix `m[truth][predicted]`.
fn f1(m: &[Vec<usize>], k: usize) -> f64 {
    let tp = m[k][k];
    let predicted: usize = m.iter().map(|row| row[k]).sum();
    let actual: usize = m[k].iter().sum();
    if tp == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let (p, r) = (tp as f64 / predicted as f64, tp as f64 / actual as f64);
    2.0 * p * r / (p + r)
}

fn macro_f1(m: &[Vec<usize>]) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let n = m.len() as f64;
    (0..m.len()).map(|k| f1(m, k)).sum::<f64>() / n
}

/// Short column names for the code matrix.
fn short(code: Code) -> String {
    let name = code.name();
    let name = name
        .strip_prefix("roadblock(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(&name)
        .to_string();
    name.split('_')
        .map(|w| w.chars().take(4).collect::<String>())
        .collect::<Vec<_>>()
        .join("_")
}

/// The Markdown report for `held_out`.
pub fn report(model: &Model, held_out: &[&Example]) -> String {
    let codes = Code::ALL.len();
    let mut by_code = vec![vec![0_usize; codes]; codes];
    let mut by_family = vec![vec![0_usize; 4]; 4];
    let family_index = |f: Family| Family::ALL.iter().position(|g| *g == f).unwrap_or(3);
    for e in held_out {
        let Some(c) = model.classify(&e.text) else {
            continue;
        };
        by_code[e.code.index()][c.code.index()] += 1;
        by_family[family_index(e.code.family())][family_index(c.family)] += 1;
    }
    let right: usize = (0..codes).map(|k| by_code[k][k]).sum();
    let mut out = String::new();
    let _ = writeln!(out, "held-out lines: {}", held_out.len());
    #[allow(clippy::cast_precision_loss)]
    let accuracy = right as f64 / held_out.len().max(1) as f64;
    let _ = writeln!(out, "code accuracy: {accuracy:.3}");
    let _ = writeln!(out, "macro-F1, four families: {:.3}", macro_f1(&by_family));
    let _ = writeln!(
        out,
        "macro-F1, all {codes} codes: {:.3}\n",
        macro_f1(&by_code)
    );
    let _ = writeln!(out, "| family | F1 |\n|---|---|");
    for (k, f) in Family::ALL.iter().enumerate() {
        let _ = writeln!(out, "| {f} | {:.2} |", f1(&by_family, k));
    }
    let _ = writeln!(out, "\nFamilies (rows: true, columns: predicted)\n");
    let _ = writeln!(out, "| | {} |", Family::ALL.map(Family::name).join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(4));
    for (k, f) in Family::ALL.iter().enumerate() {
        let row: Vec<String> = by_family[k].iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "| **{f}** | {} |", row.join(" | "));
    }
    let _ = writeln!(
        out,
        "\nCodes (rows: true, columns: predicted; n = held-out lines)\n"
    );
    let names: Vec<String> = Code::ALL.into_iter().map(short).collect();
    let _ = writeln!(out, "| | n | F1 | {} |", names.join(" | "));
    let _ = writeln!(out, "|---|---|---|{}", "---|".repeat(codes));
    for (k, code) in Code::ALL.into_iter().enumerate() {
        let row: Vec<String> = by_code[k]
            .iter()
            .map(|n| {
                if *n == 0 {
                    "·".to_string()
                } else {
                    n.to_string()
                }
            })
            .collect();
        let n: usize = by_code[k].iter().sum();
        let _ = writeln!(
            out,
            "| **{}** | {n} | {:.2} | {} |",
            short(code),
            f1(&by_code, k),
            row.join(" | ")
        );
    }
    out
}
