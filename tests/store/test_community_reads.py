"""The community reads the web pages need: a submission by id, vote scores, a user's votes
(both backends, through the `store` fixture)."""

from __future__ import annotations

from crosswire.models import Submission, User


def test_get_submission_and_vote_reads(store):
    ann = store.create_user(User(name="ann", password_hash="x"))
    bob = store.create_user(User(name="bob", password_hash="x"))
    sub = store.add_submission(Submission(url="https://example.org/a", user_id=ann.id))
    got = store.get_submission(sub.id)
    assert got is not None and got.url == "https://example.org/a" and got.user_id == ann.id
    assert got.status == "pending" and got.created_at is not None
    assert store.get_submission(sub.id + 100) is None

    assert store.vote_scores("submission", [sub.id]) == {}
    assert store.user_votes(ann.id, "submission", [sub.id]) == {}
    store.vote(ann.id, "submission", sub.id, 1)
    store.vote(bob.id, "submission", sub.id, 1)
    store.vote(bob.id, "comment", 7, -1)
    assert store.vote_scores("submission", [sub.id, 999]) == {sub.id: 2}
    assert store.vote_scores("comment", [7]) == {7: -1}
    assert store.user_votes(bob.id, "comment", [7, sub.id]) == {7: -1}
    store.vote(bob.id, "submission", sub.id, 0)
    assert store.vote_scores("submission", [sub.id]) == {sub.id: 1}
    assert store.user_votes(bob.id, "submission", [sub.id]) == {}
    assert store.vote_scores("comment", []) == {}
