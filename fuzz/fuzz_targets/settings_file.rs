//! dateline.toml: any text is read without a panic, and every issue's range lies inside the text on
//! character boundaries; whatever is read answers the questions the corpus asks of it.
#![no_main]

use dateline::corpus::settings_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (settings, issues) = settings_file::parse(text);
    for issue in &issues {
        let r = &issue.range;
        assert!(r.start <= r.end && r.end <= text.len(), "{issue:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for path in ["a.txt", "news/b.md", "wire/late-1.txt", ""] {
        let _ = settings.is_article(path);
        let _ = settings.document(path);
    }
    let _ = settings.ignored("f-0123456789abcdef");
});
