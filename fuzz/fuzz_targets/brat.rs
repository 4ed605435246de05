//! brat standoff: any `.ann` text against any article text is read without a panic, every span read lies
//! inside the article on character boundaries, and every issue names a line of the file.
#![no_main]

use dateline::corpus::brat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (ann, text) = input;
    let (annotations, issues) = brat::parse(ann, text);
    for t in &annotations.text_bound {
        for &(a, b) in &t.spans {
            assert!(a <= b && b <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
    }
    let lines = ann.lines().count();
    for i in &issues {
        assert!(i.line >= 1 && i.line <= lines.max(1), "{i:?}");
    }
});
