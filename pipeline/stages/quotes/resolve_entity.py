"""Resolver: one speaker entity per person in a document (`Ms. Rivera`, `Rivera`, `Ana Rivera`).

The names a document's person speakers are written with are grouped by surname; a group becomes
one entity, named by its longest form, when it holds one full name at most and no two honorifics
of different gender (`Mr. Pemberton` and `Mrs. Pemberton` stay two). Each speaker record keeps its
name as written and gains `entity` (the canonical name) and `variants` (every form in the document).
"""

from __future__ import annotations

from typing import Any

from .registry import register


class EntityResolver:
    @register('quotes.speaker.entity', 'forms of one name in one document (title, surname, full name) are one speaker',
              order=95)
    def speaker_entities(self) -> dict[str, tuple[str, list[str]]]:
        """name as written -> (canonical name, variants), for person speakers."""
        strip = self.finder.title_re
        groups: dict[str, set[str]] = {}
        for d in self.drafts:
            sp = d.speaker
            if sp and sp.get("type") == "person" and sp.get("name"):
                bare = strip.sub("", sp["name"]).strip(" .,")
                if bare:
                    groups.setdefault(bare.split()[-1].lower(), set()).add(sp["name"])
        out: dict[str, tuple[str, list[str]]] = {}
        for names in groups.values():
            full = {strip.sub("", n).strip(" .,") for n in names if len(strip.sub("", n).split()) > 1}
            heads = {self.gender_honorifics.get(n.split()[0].lower().rstrip(".")) for n in names} - {None}
            if len(full) > 1 or len(heads) > 1:
                continue   # two people share the surname: no merging
            canon = max(names, key=lambda n: (len(strip.sub("", n).split()), len(n), n))
            variants = sorted(names)
            for n in names:
                out[n] = (canon, variants)
        return out
