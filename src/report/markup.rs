//! The one escaper of markup: text from cases and backends made inert in HTML (the
//! HTML report) and in XML (JUnit), element content or attribute value.

/// Where escaped text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// HTML element content and attribute values, single or double quoted.
    Html,
    /// XML element content.
    XmlText,
    /// A double-quoted XML attribute value (a tab in one would read as a space).
    XmlAttribute,
}

/// Text made safe for HTML element content and attribute values (single or
/// double quoted).
pub fn html(text: &str) -> String {
    escape(text, Context::Html)
}

/// Text made safe for XML element content.
pub fn xml_text(text: &str) -> String {
    escape(text, Context::XmlText)
}

/// Text made safe for a double-quoted XML attribute value.
pub fn xml_attribute(text: &str) -> String {
    escape(text, Context::XmlAttribute)
}

fn escape(text: &str, context: Context) -> String {
    let xml = context != Context::Html;
    let quotes = context != Context::XmlText;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if context == Context::Html => out.push_str("&#39;"),
            '\t' if context == Context::XmlAttribute => out.push_str("&#9;"),
            // Not characters in XML 1.0; `visible` escapes the rest of C0 already.
            '\u{fffe}' | '\u{ffff}' if xml => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_context_escapes_what_it_must_and_only_that() {
        let raw = "<a href='x'>\"&\"\t\u{fffe}</a>";
        assert_eq!(
            html(raw),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;\t\u{fffe}&lt;/a&gt;"
        );
        assert_eq!(
            xml_text(raw),
            "&lt;a href='x'&gt;\"&amp;\"\t\\u{fffe}&lt;/a&gt;"
        );
        assert_eq!(
            xml_attribute(raw),
            "&lt;a href='x'&gt;&quot;&amp;&quot;&#9;\\u{fffe}&lt;/a&gt;"
        );
    }
}
