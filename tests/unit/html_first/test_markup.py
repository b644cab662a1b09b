"""The first response's HTML writer escapes what it is given and writes what React writes."""

from __future__ import annotations

import lxml.html

from blog_app.html_first.markup import element, fragment, trusted


def test_text_and_attributes_are_escaped_and_html_is_not():
    markup = element(
        "a",
        "<script>alert(1)</script> & more",
        element("b", "bold"),
        href='/?q="x"&tag=<y>',
        class_="rt-Link",
        aria_label="It's <here>",
    )
    assert markup == (
        '<a href="/?q=&quot;x&quot;&amp;tag=&lt;y&gt;" class="rt-Link" aria-label="It&#x27;s &lt;here&gt;">'
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more<b>bold</b></a>"
    )
    parsed = lxml.html.fragment_fromstring(markup)
    assert parsed.get("href") == '/?q="x"&tag=<y>' and parsed.text_content() == "<script>alert(1)</script> & morebold"


def test_names_and_boolean_attributes():
    assert (
        element("input", type="checkbox", checked=True, disabled=False, data_key=None)
        == '<input type="checkbox" checked>'
    )
    assert (
        element("div", data_accent_color="gray", tabindex="-1") == '<div data-accent-color="gray" tabindex="-1"></div>'
    )


def test_fragments_join_text_and_trusted_html():
    assert fragment("a < b", trusted("<i>c</i>"), "d & e") == "a &lt; b<i>c</i>d &amp; e"
    assert fragment() == ""
