//! brat standoff: any `.ann` text against any article text is read without a panic, every span read lies
//! inside the article on character boundaries, every issue names a line of the file, what is read is
//! written back and read again the same, and the links it states answer at every offset.
#![no_main]

use dateline::corpus::brat;
use dateline::lsp::annotation_links::AnnotationLinks;
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
    let (again, _) = brat::parse(&brat::write(&annotations, text), text);
    assert_eq!(again.text_bound, annotations.text_bound);
    let mut links = AnnotationLinks::default();
    links.set("a.txt", Some(&annotations));
    for offset in (0..=text.len()).step_by(7) {
        let _ = links.at("a.txt", offset);
    }
});
