"""Recognition of plural names listed in their own right ("AMPs") versus name + "s", and of
model-organism genes written with their human ortholog in parentheses."""

from pathwaygen.recognize import recognize
from pathwaygen.text import prepare


def _ids(caption: str) -> list[tuple[str, str]]:
    """(written text, entity id) of every mention of `caption`."""
    return [(m.text, m.entities[0].id) for m in recognize(prepare(caption))]


def test_listed_plural_beats_plural_of_shorter_name() -> None:
    # "AMPs" is listed for antimicrobial peptides; the nucleotide AMP has no plural in captions
    assert ("AMPs", "antimicrobial peptides") in _ids("Toll signaling induces AMPs in the fat body.")


def test_singular_follows_listed_plural_in_same_caption() -> None:
    found = _ids("The Imd pathway produces AMPs; Relish drives AMP genes.")
    assert ("AMP", "antimicrobial peptides") in found
    assert all(eid != "amp" for _, eid in found)


def test_bare_singular_without_listed_plural_stays_nucleotide() -> None:
    assert ("AMP", "amp") in _ids("A high AMP/ATP ratio activates AMPK.")


def test_plural_by_suffix_unchanged() -> None:
    found = _ids("STATs and MAPKs are phosphorylated; MAPK then acts.")
    assert ("STATs", "STAT") in found and ("MAPKs", "MAPK") in found and ("MAPK", "MAPK") in found


def test_model_organism_gene_with_human_ortholog_in_parentheses() -> None:
    # "Patched (PTCH1)": the fly gene named with its human ortholog is that one node, also later
    found = _ids("Hedgehog binds its receptor Patched (PTCH1); without ligand, Patched blocks SMO.")
    assert [eid for text, eid in found if text in ("Patched", "PTCH1")] == ["PTCH1", "PTCH1", "PTCH1"]


def test_model_organism_gene_without_ortholog_stays() -> None:
    assert ("Patched", "ptc") in _ids("In flies, Patched blocks Smoothened.")


def test_human_gene_slash_ortholog_of_another_species() -> None:
    # "GLI/Ci": the human family first, the fly gene after it: one node, and the fly name
    # written out elsewhere in the caption is that node too
    found = _ids("SMO converts GLI/Ci into an activator; Cubitus interruptus then enters the nucleus.")
    human = dict(found)["GLI/Ci"]
    assert human != "ci" and ("Cubitus interruptus", human) in found


def test_slash_chain_with_fly_gene_is_no_ortholog_pair() -> None:
    assert ("Ci", "ci") in _ids("GLI/Ci/Smo form a chain in flies.")


def test_a_definite_plural_family_points_back_at_its_named_members() -> None:
    """"the Smads" after "Smad2 or Smad3" are those two, not the whole SMAD family."""
    def ids(caption: str, surface: str) -> tuple[str, ...]:
        return next(tuple(e.id for e in m.entities) for m in recognize(prepare(caption)) if m.text == surface)

    assert ids("TGFBR1 phosphorylates Smad2 or Smad3, upon which the Smads open up.", "Smads") == ("SMAD2", "SMAD3")
    # one named member, no article, or nothing named before: the family itself
    assert ids("STAT3 binds JAK2; the STATs then dimerize.", "STATs") == ("STAT",)
    assert ids("Smad2 and Smad3 bind; Smads enter the nucleus.", "Smads") == ("SMAD",)
    assert ids("The Smads bind Smad2 and Smad3.", "Smads") == ("SMAD",)


def test_a_plural_family_after_a_list_written_with_its_name_is_that_list() -> None:
    """"executioner caspases" after "executioner caspase (-3, -6, -7)" are caspases 3, 6 and 7,
    not every caspase the caption names."""
    caption = ("Caspase-8 activates executioner caspase (-3, -6, -7) or cleaves BID. Caspase-9 then "
               "activates executioner caspases.")
    mentions = recognize(prepare(caption))
    last = [m for m in mentions if m.text == "caspases"][-1]
    assert tuple(e.id for e in last.entities) == ("CASP3", "CASP6", "CASP7")
    # no list before it: the family itself
    mentions = recognize(prepare("Caspase-8 and caspase-9 differ. Executioner caspases cleave PARP."))
    assert [tuple(e.id for e in m.entities) for m in mentions if m.text == "caspases"] == [("Caspase",)]
