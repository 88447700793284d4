"""Rule ids of the corpus step (indexes across documents, built after every document's stages)."""

from ..rules import declare_provisional as declare

S = "corpus"
declare("corpus.shared_passage", stage=S, why="quotations sharing a run of words across documents are one passage",
        params=["min_shared_words"])
declare("corpus.single", stage=S, why="a quotation no other document shares is its own index entry")
declare("corpus.speaker.same_name", stage=S, why="speakers with the same name are one speaker across documents")
declare("corpus.speaker.surname", stage=S, why="a bare surname joins the one full name of the corpus that ends with it",
        params=["surname_merge"])
