"""Speaker attribution does not depend on the model knowing the names: the seeds, with their
people renamed consistently in raw text and gold, keep their speakers. The original names
happen to be in the small model's vocabulary; held-out documents name people it has never
seen ("the former president of <Place> X Y", "Mr X Y, is a ... national who ...")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import GOLD, RAW

# Seed names (allowed here: the no-seed-names rule is for pipeline/ and config/) -> new names,
# applied in order, longest first, to the raw text and the gold alike.
RENAMINGS: dict[str, list[tuple[str, str]]] = {
    "slavic": [("Ayaz Mutalibov", "Viktor Petrenko"), ("Mutalibov", "Petrenko"),
               ("Eynulla Fatullayev", "Rustam Ismailov"), ("Fatullayev", "Ismailov"),
               ("Dana Mazalova", "Irena Kovac"), ("Mazalova", "Kovac"),
               ("Human Rights Watch", "Civil Liberties Monitor"), ("Washington Times", "Chicago Tribune")],
    "vietnamese_yoruba": [("Ayaz Mutalibov", "Nguyen Van Thanh"), ("Mutalibov", "Thanh"),
                          ("Eynulla Fatullayev", "Oluwaseun Adeyemi"), ("Fatullayev", "Adeyemi"),
                          ("Dana Mazalova", "Li Wei"), ("Mazalova", "Wei")],
    "igbo_vietnamese_irish": [("Ayaz Mutalibov", "Chukwuemeka Obi"), ("Mutalibov", "Obi"),
                              ("Eynulla Fatullayev", "Tran Thi Mai"), ("Fatullayev", "Mai"),
                              ("Dana Mazalova", "Siobhan O'Brien"), ("Mazalova", "O'Brien")],
}


def _rename(text: str, table: list[tuple[str, str]]) -> str:
    for old, new in table:
        text = text.replace(old, new)
    return text


def _renamed_seeds(tmp: Path, table: list[tuple[str, str]]) -> tuple[Path, Path]:
    raw, gold = tmp / "raw", tmp / "gold"
    for src, dest in ((RAW, raw), (GOLD, gold)):
        dest.mkdir()
        for p in sorted(src.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                (dest / p.name).write_text(_rename(p.read_text(encoding="utf-8"), table), encoding="utf-8")
    return raw, gold


@pytest.mark.parametrize("renaming", sorted(RENAMINGS))
def test_speakers_survive_renamed_people(tmp_path: Path, renaming: str) -> None:
    from pipeline.evaluate import evaluate
    from pipeline.runner import run_all

    raw, gold = _renamed_seeds(tmp_path, RENAMINGS[renaming])
    out = tmp_path / "processed"
    results = run_all(raw, out, None, until="quotes")
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    ev = evaluate(gold, out)
    score = ev.totals["speaker_accuracy"]
    misses = [m for m in ev.misses if m.metric == "speaker_accuracy"]
    assert score.total >= 40 and (score.value or 0.0) >= 0.95, [m.line() for m in misses]


def _titled(sentence: str) -> list[str]:
    from pipeline.config import load_config
    from pipeline.quoting.speakers import SpeakerFinder, load_nlp

    cfg = load_config(None).section("quotes")
    doc = load_nlp(cfg["model"])(sentence)
    finder = SpeakerFinder(cfg)
    finder.note_persons([doc])
    return [name for _, _, name in finder.titled_names(doc, 0, len(doc.text))]


def test_name_after_title_is_read_without_the_model_knowing_it() -> None:
    assert _titled("The interview of President Kwame Mensah by the reporter Yuki Tanaka.") == ["Kwame Mensah", "Yuki Tanaka"]
    assert _titled("Ms Ngozi Okonjo-Iweala, the head of the agency, spoke.") == ["Ngozi Okonjo-Iweala"]


def test_name_after_title_of_unknown_place_is_not_guessed() -> None:
    # where "<Place>" ends in "the president of <Place> <Name>" is unknown: no name rather than a wrong one
    assert _titled("The president of Zembla Kassym Tokayev spoke.") == []
    assert _titled("The director General Motors announced it.") == []


def test_forms_of_one_name_are_one_speaker_entity_with_its_variants() -> None:
    from test_quotes import quotes_of

    out = quotes_of('"We will rebuild every house on this street," said Ms. Ana Rivera, the mayor.\n\n'
                    '"The school comes first, then the harbour wall," Rivera said.\n')
    sps = [q["speaker"] for q in out["quotations"]]
    assert {s["entity"] for s in sps} == {"Ms. Ana Rivera"} and sps[1]["variants"] == ["Ms. Ana Rivera", "Rivera"]


def test_honorifics_of_different_gender_keep_two_entities() -> None:
    from test_quotes import quotes_of

    out = quotes_of('"The gate was open again this morning," said Mrs. Pemberton.\n\n'
                    '"No, I closed it myself last night," said Mr. Pemberton.\n')
    assert all("entity" not in q["speaker"] for q in out["quotations"])
