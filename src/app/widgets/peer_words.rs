//! The peer's state in words, from one place, so the portrait, its label
//! and the ending never contradict each other: while the talk runs, the
//! openness band ("is opening up"); at an ending, the ending's kind, with
//! the band only as an explanation when the two disagree (trust can be
//! high while the peer still kept things back).

use crate::scenario::{Band, EndingKind};

/// What the peer panel says of the peer, and the face it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerWords {
    /// The strong line under the name: "is opening up", "Stayed guarded".
    pub label: String,
    /// The small line under it.
    pub description: String,
    /// The openness the portrait shows: the band, kept within what the
    /// ending allows.
    pub face: Band,
}

/// The band as a phrase after the peer's name: "seems guarded", "is
/// opening up".
pub fn band_phrase(band: Band) -> &'static str {
    match band {
        Band::Withdrawn => "seems withdrawn",
        Band::Guarded => "seems guarded",
        Band::Cautious => "seems cautious",
        Band::Open => "seems open",
        Band::OpeningUp => "is opening up",
    }
}

/// What each band looks like from the outside, in plain words.
pub fn band_description(band: Band) -> &'static str {
    match band {
        Band::Withdrawn => "pulling away, close to ending the talk",
        Band::Guarded => "short answers, keeping things back",
        Band::Cautious => "testing whether it is safe to say more",
        Band::Open => "talking more freely",
        Band::OpeningUp => "sharing what really matters",
    }
}

/// The faces an ending allows, lowest and highest.
fn faces(kind: EndingKind) -> (Band, Band) {
    match kind {
        EndingKind::Withdrew => (Band::Withdrawn, Band::Guarded),
        EndingKind::Guarded => (Band::Guarded, Band::Cautious),
        EndingKind::OpenedUp => (Band::Open, Band::OpeningUp),
    }
}

/// The peer `name` in words, at trust band `band`, at `ending` if the
/// conversation has ended. `note` is the debrief's own explanation of the
/// ending ([`crate::debrief::ending_note`], which knows what the peer
/// said); when there is one, the panel says the same, so the two never
/// disagree.
pub fn peer_words(
    name: &str,
    band: Band,
    ending: Option<EndingKind>,
    note: Option<&str>,
) -> PeerWords {
    let Some(kind) = ending else {
        return PeerWords {
            label: band_phrase(band).to_string(),
            description: band_description(band).to_string(),
            face: band,
        };
    };
    let (low, high) = faces(kind);
    let face = band.clamp(low, high);
    let description = note.map_or_else(|| ending_words(name, kind, band, face), str::to_string);
    PeerWords {
        label: kind.label().to_string(),
        description,
        face,
    }
}

/// The small line at an ending when the debrief has no note of its own:
/// the ending and the band agree, or the band alone explains the gap.
fn ending_words(name: &str, kind: EndingKind, band: Band, face: Band) -> String {
    let high = faces(kind).1;
    let trust = band.label();
    match kind {
        EndingKind::OpenedUp if face != band => {
            format!("{name} shared what mattered, though trust was only {trust}.")
        }
        EndingKind::OpenedUp => format!("{name} felt heard and shared what mattered."),
        EndingKind::Guarded if band > high => format!(
            "Trust was high ({trust}), so {name} was ready to say more, but kept the \
             important things back."
        ),
        EndingKind::Guarded => format!("{name} stayed, but kept the important things back."),
        EndingKind::Withdrew if band > high => {
            format!("{name} ended the talk, though trust was still {trust}.")
        }
        EndingKind::Withdrew => format!("{name} ended the talk."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_band_reads_as_a_sentence_after_a_name() {
        assert_eq!(band_phrase(Band::OpeningUp), "is opening up");
        for band in Band::ALL {
            let phrase = band_phrase(band);
            assert!(
                phrase.starts_with("is ") || phrase.starts_with("seems "),
                "{phrase}"
            );
            assert_ne!(phrase, "seems opening up");
        }
    }

    #[test]
    fn an_ending_is_never_contradicted_by_the_band() {
        let guarded = peer_words("Terry", Band::OpeningUp, Some(EndingKind::Guarded), None);
        assert_eq!(guarded.label, "Stayed guarded");
        assert_eq!(
            guarded.face,
            Band::Cautious,
            "no open face at a guarded end"
        );
        assert!(
            guarded.description.contains("Trust was high (opening up)"),
            "{}",
            guarded.description
        );
        for band in Band::ALL {
            for kind in [
                EndingKind::Withdrew,
                EndingKind::Guarded,
                EndingKind::OpenedUp,
            ] {
                let words = peer_words("Terry", band, Some(kind), None);
                let (low, high) = faces(kind);
                assert!(words.face >= low && words.face <= high);
                assert_eq!(words.label, kind.label());
            }
        }
        let talking = peer_words("Terry", Band::Open, None, None);
        assert_eq!(talking.label, "seems open");
        assert_eq!(talking.face, Band::Open);
    }
}
