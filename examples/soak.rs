// Soak run: 10,000 random sessions through the engine, the debrief (with
// its HTML report) and the history append, in one process, sampling the
// resident memory after every thousand. Memory must stay within 10% of the
// sample after the first thousand; the run exits with status 1 if not.
//
// ```sh
// cargo run --release --example soak            # 10,000 sessions
// cargo run --release --example soak -- 2000    # a shorter run
// ```
//
// Each block of a thousand sessions appends to a fresh data folder, so the
// history the store keeps is the same size in every block and any growth
// from block to block is a leak. Linux only (it reads `/proc/self/status`).

use std::time::Instant;

use attune::debrief::{Debrief, report};
use attune::engine::{Pick, play_out};
use attune::library::Library;
use attune::store::{SessionId, SessionRecord, Store};
use jiff::Timestamp;

const BLOCK: usize = 1_000;

/// Resident memory in KiB, from the kernel's own count.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let total: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 10_000,
    };
    let library = Library::shipped();
    let scenarios: Vec<_> = library.scenarios().collect();
    if scenarios.is_empty() {
        return Err("no shipped scenario loaded".into());
    }
    let start = Timestamp::from_second(1_767_225_600)?;
    let began = Instant::now();
    let mut samples: Vec<u64> = Vec::new();
    let mut report_bytes = 0usize;
    let mut turns = 0usize;
    println!("sessions  rss_kib  vs_first  seconds  history_on_disk");
    for block in 0..total.div_ceil(BLOCK) {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(dir.path().to_path_buf());
        if !store.can_save() {
            return Err(format!("cannot save in {}", dir.path().display()).into());
        }
        let first = block * BLOCK;
        for i in first..(first + BLOCK).min(total) {
            let s = scenarios[i % scenarios.len()];
            let c = play_out(s, i as u64, &Pick::Random)?;
            let debrief = Debrief::build(s, &c);
            report_bytes += report::html(s, &debrief).len();
            turns += c.turns().len();
            let at = start.checked_add(jiff::SignedDuration::from_secs(i as i64))?;
            let record = SessionRecord::from_conversation(SessionId::new(at), at, s, &c);
            store.record_session(record)?;
        }
        let on_disk = Store::open(dir.path().to_path_buf()).history().len();
        drop(store);
        let rss = rss_kib().ok_or("cannot read /proc/self/status")?;
        samples.push(rss);
        let ratio = rss as f64 / samples[0] as f64;
        println!(
            "{:>8}  {:>7}  {:>7.3}×  {:>7.1}  {:>15}",
            (first + BLOCK).min(total),
            rss,
            ratio,
            began.elapsed().as_secs_f64(),
            on_disk
        );
    }
    let first = samples[0] as f64;
    let worst = samples
        .iter()
        .map(|&s| (s as f64 - first).abs() / first)
        .fold(0.0, f64::max);
    println!(
        "{total} sessions, {turns} turns, {:.1} MB of reports; largest change from the first thousand: {:.1}%",
        report_bytes as f64 / 1e6,
        worst * 100.0
    );
    if worst > 0.10 {
        eprintln!("memory grew by more than 10%");
        std::process::exit(1);
    }
    Ok(())
}
