//! dateline.toml: any text is read without a panic, and every issue's range lies inside the text on
//! character boundaries; whatever is read answers the questions the corpus asks of it. Where each registry
//! entry is written is found without a panic, and the edit adding an alias to one replaces a range of the
//! text on character boundaries.
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
    if let Some(outline) = settings_file::outline(text) {
        for place in outline.actors.iter().chain(&outline.events) {
            if let Some((r, new)) = settings_file::alias_edit(text, place, "Jonas \"Lind\"") {
                assert!(r.start <= r.end && r.end <= text.len(), "{r:?}");
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let mut edited = text.to_string();
                edited.replace_range(r, &new);
                let _ = settings_file::parse(&edited);
            }
        }
    }
});
