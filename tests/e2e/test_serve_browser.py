"""`figcheck serve` as an editor uses it: in a real headless Chromium, against the real server process."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from tests.e2e.browser import ROOT, chromium, figcheck_serve, new_page, screenshot  # noqa: F401 (fixture)

SEED = (ROOT / "seeds" / "000_d4ab128e2416e759.txt").read_text(encoding="utf-8")
CHINESE = "国家集成电路产业投资基金三期注册资本为3440亿元人民币。今年4月，当局又拨出6000亿元人民币（约85亿美元）支持人工智能初创企业。"


@pytest.fixture(scope="module")
def server():
    with figcheck_serve() as url:
        yield url


def _paste(page, text: str, date: str | None = None) -> None:
    if date:
        page.fill("#date", date)
    page.fill("#article", text)  # fires `input`, as typing does: the page checks after its debounce


def test_the_slip_is_marked_and_a_fix_button_rewrites_it(server, chromium):
    with new_page(chromium) as page:
        page.goto(server)
        _paste(page, SEED, "2025-04-15")
        wrong = page.locator("#view mark.sev-error")
        wrong.first.wait_for(timeout=10_000)
        assert wrong.count() == 1
        assert wrong.first.inner_text() == "600 billion yuan ($8.5 billion)"
        card = page.locator("#findings li.finding.sev-error")
        assert "600 billion yuan is about $82 billion" in card.locator(".message").inner_text()
        assert "7.315 Chinese yuan per US dollar on 15 April 2025 (ECB)" in card.locator(".evidence").inner_text()
        # the right pair a line earlier is marked quietly as checked, not as a problem
        assert "700 billion yuan ($96 billion)" in page.locator("#view span.ok").all_inner_texts()
        assert "15 April 2025" in page.inner_text("#date-used")
        screenshot(page, "serve-finding.png")

        buttons = card.locator("button.fix")
        assert buttons.all_inner_texts() == ["Use “60 billion yuan ($8.5 billion)”",
                                             "Use “600 billion yuan (about $82 billion)”"]
        buttons.first.click()
        page.wait_for_function("() => !document.querySelector('#view mark.sev-error')", timeout=10_000)
        text = page.input_value("#article")
        assert "a further 60 billion yuan ($8.5 billion) to seed" in text
        assert text.replace("a further 60 billion", "a further 600 billion") == SEED
        assert "60 billion yuan ($8.5 billion)" in page.locator("#view span.ok").all_inner_texts()
        screenshot(page, "serve-fixed.png")


def test_marks_are_reachable_by_keyboard_and_labelled(server, chromium):
    with new_page(chromium) as page:
        page.goto(server)
        _paste(page, SEED, "2025-04-15")
        mark = page.locator("#view mark.sev-error")
        mark.wait_for(timeout=10_000)
        assert page.get_attribute("#article", "aria-label") == "Article text"
        described = mark.get_attribute("aria-describedby")
        mark.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == described
        label = page.locator("#findings button.fix").first.get_attribute("aria-label")
        assert label == "Apply fix: 60 billion yuan ($8.5 billion)"


def test_a_chinese_paragraph_gets_the_messages_figcheck_gives_and_chinese_labels(server, chromium):
    expected = [f.message for f in lint_text(CHINESE, date="2025-04-15") if f.severity == "error"]
    assert expected, "figcheck flags the Chinese slip"
    with new_page(chromium) as page:
        page.goto(server)
        _paste(page, CHINESE, "2025-04-15")
        page.locator("#view mark.sev-error").first.wait_for(timeout=10_000)
        messages = page.locator("#findings li.sev-error .message").all_inner_texts()
        assert messages == expected  # passed through in whatever language figcheck wrote them
        assert page.get_attribute("#findings", "lang") == "zh"
        assert page.inner_text("#findings-heading") == "检查结果"
        assert page.locator("#findings li.sev-error .sev").inner_text() == "错误"
        assert "1 美元 = 7.315 人民币" in page.locator("#findings li.sev-error .evidence").inner_text()
        screenshot(page, "serve-chinese.png")


def test_an_undated_article_says_so_and_a_pair_without_a_rate_is_marked_unchecked(server, chromium):
    with new_page(chromium) as page:
        page.goto(server)
        _paste(page, "The state paid 50 billion naira ($60 million) for the port.")
        page.locator("#view mark.unchecked").wait_for(timeout=10_000)
        assert page.locator("#view mark.sev-error").count() == 0
        assert "No date known" in page.inner_text("#date-used")


def test_the_page_loads_nothing_from_elsewhere(server, chromium):
    with new_page(chromium) as page:
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(server)
        _paste(page, SEED, "2025-04-15")
        page.locator("#view mark.sev-error").wait_for(timeout=10_000)
        assert requested and all(url.startswith(server) for url in requested)


def test_an_uploaded_html_file_becomes_prose_with_its_date_confirmed(server, tmp_path, chromium):
    upload = tmp_path / "story.html"
    upload.write_text('<html><head><meta property="article:published_time" content="2025-04-15"></head><body>'
                      "<p>The fund <b>grew</b> fast.</p><p>In April it earmarked a further 600 billion yuan "
                      "($8.5 billion) for start-ups.</p></body></html>", encoding="utf-8")
    with new_page(chromium) as page:
        page.goto(server)
        page.set_input_files("#file", str(upload))
        page.locator("#view mark.sev-error").wait_for(timeout=10_000)
        assert page.input_value("#article").startswith("The fund grew fast.\n\nIn April it earmarked")
        assert page.input_value("#date") == "2025-04-15"
        assert page.inner_text("#date-used").startswith("Checked as of 15 April 2025 (from HTML meta")
