//! Front matter: any text is parsed without a panic, the body starts inside the text on a character
//! boundary, and every issue's span lies inside the text on character boundaries.
#![no_main]

use dateline::corpus::front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = front_matter::parse(text);
    assert!(parsed.body_start <= text.len() && text.is_char_boundary(parsed.body_start));
    for issue in &parsed.issues {
        assert!(issue.start <= issue.end && issue.end <= text.len(), "{issue:?}");
        assert!(text.is_char_boundary(issue.start) && text.is_char_boundary(issue.end));
    }
    for line in text.lines().take(64) {
        let _ = front_matter::parse_date(line);
    }
});
