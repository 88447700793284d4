"""Where a reproduced passage ends when nothing closes it (issue 13, round 2: host text swallowed)."""

from __future__ import annotations

from pipeline.config import load_config
from pipeline.stages.copyright.text import Para, count_words, cut_at_vocabulary_change
from tests.test_copyright import para, process
from tests.test_copyright_reprint import HOST_BEFORE, covered, prose

CFG = load_config("config/pipeline.yaml").section("copyright")


def _paras(texts: list[str]) -> list[Para]:
    out, pos = [], 0
    for k, t in enumerate(texts):
        out.append(Para(f"p{k}", pos, pos + len(t), t, "line", count_words(t), [t]))
        pos += len(t) + 2
    return out


def _prose(seed: str, n: int) -> str:
    """``n`` words from seven content words of one topic (letters only: content words carry no digits)."""
    return "The " + " ".join(seed + "abcdefg"[i % 7] for i in range(n - 1)) + "."


def test_one_shared_word_does_not_pull_the_paragraph_at_a_cut_into_the_passage() -> None:
    own = _prose("kiwiz", 30).replace("kiwizb", "bridgeb", 1)     # the host's paragraph, one passage word by chance
    paras = _paras([_prose("bridge", 60) for _ in range(5)] + [own] + [_prose("melon", 60) for _ in range(3)])
    ccfg = {**CFG["reprint"]["cohesion"], "relative_after": 99, "after_paragraphs": 4}
    run = list(range(len(paras)))
    assert cut_at_vocabulary_change(paras, run, ccfg, 0.6, relative=True)[0] == run[:5]


def test_a_block_quotation_an_introduction_opens_ends_where_the_reprint_ends() -> None:
    host = "\n\n".join(para(60, "melon") for _ in range(6))
    doc = HOST_BEFORE + "\n\nAs reported by the Kestle Gazette on March 3, 2016:\n\n" + prose("bridge") + "\n\n" + host
    clean = process(doc)["_text"]
    start = clean.index(prose("bridge")[:20])
    block = {"id": "doc.txt#q1", "start": start, "end": len(clean.rstrip()), "raw_start": 0, "raw_end": 0,
             "words": count_words(clean[start:]), "kind": "block", "form": "block", "text": "x", "parent": None,
             "speaker": {"name": "Kestle Gazette", "type": "outlet"},
             "source": {"outlet": "Kestle Gazette", "author": None, "date": None, "date_text": None}}
    out = process(doc, quotes=[block])
    assert covered(out, prose("bridge")[:20]) and not covered(out, "melon")


def test_a_paragraph_opening_with_a_quotation_it_closes_itself_is_not_where_a_quoted_passage_starts() -> None:
    body = prose("bridge").split("\n\n")
    doc = (HOST_BEFORE + '\n\n"' + body[0] + '\n\n"The span holds," as well as ' + body[1] + "\n\n" + body[2]
           + '"\n\nFrom The Calder Ledger, March 6th, 2017.\n\n' + "\n\n".join(para(60, "melon") for _ in range(3)))
    out = process(doc)
    [f] = out["flags"]
    assert f["start"] <= out["_text"].index(body[0][:30]) and not covered(out, "tomato")
