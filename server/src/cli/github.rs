//! `reso check --format github`: one GitHub Actions workflow command per
//! diagnostic, which the runner shows as an annotation on the file and line
//! (`::error file=a.txt,line=7,col=1,endLine=7,endColumn=2,title=reso
//! [numbering]::message`).

use super::check::Reported;

/// The workflow command of one diagnostic. Errors are `error`, warnings
/// `warning`, information and hints `notice`. `endColumn` is the column of
/// the last character (GitHub's columns are inclusive), on the first line.
pub fn annotation(r: &Reported) -> String {
    let level = match r.severity {
        "error" => "error",
        "warning" => "warning",
        _ => "notice",
    };
    let end_column = if r.end_line == r.line && r.end_column > r.column {
        r.end_column - 1
    } else if r.end_line == r.line {
        r.column
    } else {
        r.end_column.saturating_sub(1).max(1)
    };
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&r.path),
        r.line,
        r.column,
        r.end_line,
        end_column,
        property(&format!("reso [{}]", r.code)),
        data(&r.message)
    )
}

/// The message: `%`, CR and LF escaped, as the runner's own toolkit does.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: also `:` and `,`, which end a value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("C:\\a,b.txt"), "C%3A\\a%2Cb.txt");
    }
}
