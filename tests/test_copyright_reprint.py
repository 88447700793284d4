"""Reproduced articles found by their shape (copyright.reprint) and the page's machine-readable rights."""

from __future__ import annotations

from typing import Any

from tests.test_copyright import para, process


def prose(seed: str, n: int = 3, words: int = 60) -> str:
    return "\n\n".join(para(words, f"{seed}{k}x") .replace(f"{seed}{k}x", seed) for k in range(n))


def covered(out: dict[str, Any], fragment: str) -> bool:
    t = out["_text"]
    return any(fragment in t[f["start"]:f["end"]] for f in out["flags"])


HOST_BEFORE = "Notes from our garden\n\n" + para(50, "tomato")
HOST_AFTER = "\n\n".join([para(50, "cucumber"), para(60, "pepper"), "Watering", para(60, "onion"), para(60, "garlic")])


def test_article_followed_by_an_attribution_line_is_flagged_from_headline_to_last_paragraph() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nSource: Velmarton Courier, 5 March 2016\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]
    assert f["rule"] == "copyright.reprint" and f["outlet"] == "Velmarton Courier" and f["date"] == "2016-03-05"
    assert covered(out, "Council closes") and covered(out, "bridge")
    assert not covered(out, "tomato") and not covered(out, "cucumber")


def test_introduction_line_naming_outlet_and_date_flags_the_article_after_it() -> None:
    doc = (HOST_BEFORE + "\n\nThe following article appeared in the Ostrava Ledger on 2016-03-05:\n\n"
           + prose("bridge") + "\n\nAbout us\n\n" + para(40, "basil"))
    out = process(doc)
    [f] = out["flags"]
    assert f["outlet"] and "Ostrava Ledger" in f["outlet"] and covered(out, "bridge")
    assert not covered(out, "tomato") and not covered(out, "basil")


def test_closing_notice_covers_the_article_it_closes_not_the_hosts_text_before_its_headline() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\nBy Anna Marlowe, Kessler Evening Post\n\n"
           + prose("bridge") + "\n\n© 2016 Kessler Evening Post. All rights reserved.\n\n" + HOST_AFTER)
    out = process(doc)
    [f] = out["flags"]   # (strip drops the headline above a byline as an empty section heading)
    assert "copyright.reprint" in f["rules"] and f["outlet"] == "Kessler Evening Post"
    assert covered(out, "By Anna Marlowe") and not covered(out, "tomato") and not covered(out, "cucumber")


def test_sites_last_section_above_its_footer_is_not_a_reprint() -> None:
    doc = (HOST_BEFORE + "\n\nFinal thoughts\n\n" + prose("bridge")
           + "\n\n© 2016 Garden Notes. All rights reserved.\n\n* Home\n* About\n* Contact")
    assert not any(f["rule"] == "copyright.reprint" for f in process(doc)["flags"])


def test_short_attributed_excerpt_is_not_flagged() -> None:
    doc = HOST_BEFORE + '\n\nAs the Velmarton Courier reported on 5 March 2016, "The bridge closes today."\n\n' + HOST_AFTER
    assert process(doc)["flags"] == []


def test_own_article_with_a_date_line_is_not_a_reprint() -> None:
    doc = "Our spring update\n\nPublished March 5, 2016\n\n" + prose("garden") + "\n\n" + HOST_AFTER
    assert process(doc)["flags"] == []


def test_rights_metadata_is_recorded_with_raw_offsets() -> None:
    html = ('<html><head><meta name="robots" content="index, max-snippet:120">'
            '<meta name="tdm-reservation" content="1"><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">'
            '</head><body><p data-nosnippet>' + para(40) + '</p></body></html>')
    out = process(html, name="page.html")
    rights = out["document_signals"]["rights"]
    names = {s["signal"] for s in rights["signals"]}
    assert {"max_snippet", "tdm_reservation", "link_license", "data_nosnippet", "creative_commons_link"} <= names
    assert rights["max_snippet_chars"] == 120 and rights["open_licence"]["licence"] == "CC BY"
    s = next(s for s in rights["signals"] if s["signal"] == "tdm_reservation")
    assert html[s["raw_start"]:s["raw_end"]].startswith("<meta name=\"tdm-reservation\"")


def test_passage_under_cc_by_is_reproduced_with_attribution_instead_of_summarised() -> None:
    doc = (HOST_BEFORE + "\n\nCouncil closes the old bridge\n\n" + prose("bridge")
           + "\n\nSource: Velmarton Courier, 5 March 2016. Licensed under CC BY 4.0.\n\n" + HOST_AFTER)
    [f] = process(doc)["flags"]
    assert f["action"] == "reproduce with attribution" and f["licence"] == "CC BY"
    assert "Velmarton Courier" in f["attribution"]


def quote(n: int, start: int, end: int, outlet: str, words: int) -> dict[str, Any]:
    return {"id": f"doc.txt#q{n}", "start": start, "end": end, "raw_start": start, "raw_end": end, "words": words,
            "kind": "block", "text": "x", "speaker": None, "parent": None,
            "source": {"outlet": outlet, "author": None, "date": None, "date_text": None}}


def test_many_extracts_from_one_source_add_up_past_the_fair_dealing_rule_of_thumb() -> None:
    paras = [para(120, f"p{i}x") for i in range(8)]
    doc = "\n\n".join(p + "\n\n" + para(40, f"own{i}x") for i, p in enumerate(paras))
    starts = [doc.index(p) for p in paras]
    qs = [quote(i, s, s + len(p), "Velmarton Courier", 120) for i, (s, p) in enumerate(zip(starts, paras))]
    out = process(doc, quotes=qs)
    [tot] = out["document_signals"]["source_totals"]
    assert (tot["extracts"], tot["words"], tot["over_limit"]) == (8, 960, True)
    flags = [f for f in out["flags"] if f["rule"] == "copyright.cumulative"]
    assert len(flags) == 8   # each extract its own flag, never merged into one run


def test_a_few_short_extracts_from_one_source_stay_within_the_limits() -> None:
    paras = [para(120, f"p{i}x") for i in range(3)]
    doc = "\n\n".join(p + "\n\n" + para(40, f"own{i}x") for i, p in enumerate(paras))
    qs = [quote(i, doc.index(p), doc.index(p) + len(p), "Velmarton Courier", 120) for i, p in enumerate(paras)]
    out = process(doc, quotes=qs)
    assert out["document_signals"]["source_totals"][0]["over_limit"] is False
    assert out["flags"] == []


def test_rights_signals_are_found_in_any_letter_case_despite_the_needle_prefilter() -> None:
    html = ('<html><head><script type="application/ld+json">{"LICENSE": "https://example.org/terms", '
            '"CopyrightHolder": "Example Media", "IsAccessibleForFree": "False"}</script></head><body><p>'
            + para(40) + ' This photo was Released Into THE PUBLIC\nDOMAIN.</p></body></html>')
    names = {s["signal"] for s in process(html, name="page.html")["document_signals"]["rights"]["signals"]}
    assert {"schema_license", "schema_copyright_holder", "schema_accessible_for_free", "public_domain_statement"} <= names


def test_every_rights_needle_is_a_word_its_signals_pattern_spells() -> None:
    from pipeline.config import load_config

    rights = load_config(None).section("copyright")["rights"]
    patterns = {**rights["markup_patterns"], **rights["text_patterns"]}
    for signal, words in rights["needles"].items():
        spelled = patterns[signal].lower().replace("\\", "")
        assert all(w in spelled for w in words), signal


def test_introduced_excerpt_in_one_pair_of_quote_marks_ends_at_its_closing_mark() -> None:
    excerpt = "“" + para(120, "bridge") + "”"
    doc = (HOST_BEFORE + "\n\nThe Velmarton Courier reported on 5 March 2016:\n\n" + excerpt + "\n\n"
           + para(45, "cucumber") + "\n\n" + para(60, "pepper"))
    out = process(doc)
    assert not covered(out, "cucumber") and not covered(out, "pepper")
