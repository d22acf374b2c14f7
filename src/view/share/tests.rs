//! Unit tests of the share module's base64 and its error messages.

use super::*;
use crate::sim::SimError;
use crate::view::i18n::Lang;

#[test]
fn base64url_round_trips_every_length() {
    let data: Vec<u8> = (0..=255u8).collect();
    for n in 0..data.len() {
        let enc = base64url_encode(&data[..n]);
        assert!(enc
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(base64url_decode(&enc), Ok(data[..n].to_vec()));
    }
    assert_eq!(base64url_encode(b"hello"), "aGVsbG8");
    assert_eq!(base64url_decode("aGVsbG8="), Ok(b"hello".to_vec()));
    assert_eq!(base64url_decode("a"), Err(ShareError::Truncated));
    assert_eq!(base64url_decode("a!b"), Err(ShareError::Malformed));
}

#[test]
fn every_error_has_both_languages() {
    let errors = [
        ShareError::Malformed,
        ShareError::Truncated,
        ShareError::TooLarge {
            bytes: 300_000,
            limit: MAX_LINK_BYTES,
        },
        ShareError::NewerVersion { version: 9 },
        ShareError::Invalid(SimError::NodeCountOutOfRange { nodes: 12 }),
        ShareError::TooManyActions { count: 20_000 },
        ShareError::BadTick { tick: 9 },
        ShareError::BadAction { index: 2 },
        ShareError::Replay(SimError::NoSuchMessage { id: 4 }),
    ];
    for e in &errors {
        for source in [Source::Link, Source::File] {
            let (en, zh) = (
                error_text(Lang::En, source, e),
                error_text(Lang::Zh, source, e),
            );
            assert!(
                en.contains("default cluster") && zh.contains("默认集群"),
                "{e:?}"
            );
        }
    }
    assert!(error_text(Lang::En, Source::Link, &errors[0]).contains("malformed"));
    assert!(error_text(Lang::En, Source::Link, &errors[1]).contains("truncated"));
    assert!(error_text(Lang::En, Source::Link, &errors[2]).contains("too large"));
    assert!(error_text(Lang::En, Source::Link, &errors[3]).contains("newer version"));
}
