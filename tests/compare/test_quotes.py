"""Quotations are found after normalising only what copying changes; a lost one is traced to the
paragraph that holds most of its words."""

from handbook.compare.quotes import cut_word, nearest, normalise, quoted_in
from handbook.model import ParagraphRef

A = ParagraphRef("sussex", "ict", "para-1")
B = ParagraphRef("sussex", "ict", "para-2")


def test_white_space_quote_marks_and_dashes_are_normalised():
    text = "The child\u2019s  \u201cimage\u201d \u2013 lawful\nor not."
    assert normalise(text) == "The child's \"image\" - lawful or not."
    assert quoted_in("child's \"image\" - lawful or", text)


def test_words_and_their_case_are_not_normalised():
    assert not quoted_in("The Child's", "The child's image")
    assert not quoted_in("the childs image", "the child's image")


def test_a_quotation_must_start_and_end_with_whole_words():
    assert quoted_in("child's image", "The child's image")
    assert not quoted_in("hild's image", "The child's image") and cut_word("hild's image", "The child's image")
    assert not quoted_in("The child's ima", "The child's image") and cut_word("The child's ima", "The child's image")
    assert quoted_in("(images made by computers", "pseudo-photographs (images made by computers graphics")
    assert quoted_in("image", "an image, then another imagery") and not cut_word("image", "an image, then imagery")


def test_the_paragraph_holding_the_quotation_is_the_nearest():
    found = nearest("meet a child", [(A, "Nothing here."), (B, "to meet a child after grooming")])
    assert (found.ref, found.exact) == (B, True)


def test_a_changed_quotation_points_at_the_paragraph_with_most_of_its_words():
    found = nearest("arrange to meet a young child after grooming", [(A, "a child was groomed"), (B, "to meet a child after grooming")])
    assert found.ref == B and not found.exact and 0.6 <= found.share < 1


def test_no_paragraph_is_suggested_when_none_is_close():
    assert nearest("an entirely different sentence about nothing", [(A, "to meet a child after grooming")]) is None
