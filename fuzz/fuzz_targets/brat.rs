//! brat standoff: any `.ann` text against any article text is read without a panic, every span read lies
//! inside the article on character boundaries, every issue names a line of the file, what is read is
//! written back and read again the same, and the links it states answer at every offset. Then the article
//! is edited (any range replaced by any text): the annotations moved through the edit lie inside the new
//! text on character boundaries and read back the same when written, the lines offered to update the file
//! name lines it has, and what the analysis takes of them lies inside the text. Any text read as an
//! `annotation.conf` checks the file without a panic.
#![no_main]

use dateline::corpus::brat;
use dateline::lsp::annotation_links::AnnotationLinks;
use libfuzzer_sys::fuzz_target;

/// The largest character boundary of `text` at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fuzz_target!(|input: (&str, &str, u16, u16, &str)| {
    let (ann, text, at, removed, inserted) = input;
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
    for (span, _) in &annotations.for_analysis().actors {
        assert!(span.start <= span.end && span.end <= text.len());
    }
    let _ = brat::check_types(ann, &brat::parse_config(ann));

    // an edit of the article
    let start = boundary(text, usize::from(at));
    let old_end = boundary(text, start + usize::from(removed)).max(start);
    let new_text = format!("{}{inserted}{}", &text[..start], &text[old_end..]);
    let new_end = start + inserted.len();
    let moved = annotations.shifted((start, old_end, new_end), &new_text);
    for t in &moved.text_bound {
        for &(a, b) in &t.spans {
            assert!(a < b && b <= new_text.len(), "{t:?}");
            assert!(new_text.is_char_boundary(a) && new_text.is_char_boundary(b));
        }
    }
    let (back, _) = brat::parse(&brat::write(&moved, &new_text), &new_text);
    assert_eq!(back.text_bound, moved.text_bound);
    for (line, _) in brat::updated_lines(ann, &annotations, &moved, &new_text) {
        assert!(line < lines, "line {line} of {lines}");
    }

    let mut links = AnnotationLinks::default();
    links.set("a.txt", Some(("a.ann".into(), annotations)));
    for offset in (0..=text.len()).step_by(7) {
        let _ = links.at("a.txt", offset);
    }
    links.shift("a.txt", (start, old_end, new_end), &new_text);
    for offset in (0..=new_text.len()).step_by(7) {
        let _ = links.at("a.txt", offset);
    }
});
