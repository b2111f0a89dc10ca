"""The story remembers what the player did: each test plays a path through the engine and reads what is shown.

A path is the film's own path (tests/film_path.py) with some moves changed; a scene the film never visits
takes the move given here, or its first choice. Each test names the continuity error it guards against, and would
fail if the text went back to contradicting the player's earlier choice.
"""

from __future__ import annotations

from game.engine import (
    ChoiceInput,
    EndingReached,
    Input,
    Narration,
    PageInput,
    PageRead,
    SceneShown,
    State,
    available_choices,
    new_game,
    step,
)
from game.story.model import Story
from tests.film_path import FILM

FILM_MOVES = dict(FILM)


class Played:
    """Everything a player read on the way, and where they stopped."""

    def __init__(self, text: str, status: dict[str, str], state: State) -> None:
        self.text = " ".join(text.split())
        self.status = status
        """The status line ("seems") shown in each scene passed."""
        self.state = state

    def __contains__(self, words: str) -> bool:
        return " ".join(words.split()) in self.text


def play(story: Story, until: str, moves: dict[str, str] | None = None) -> Played:
    """Play to the scene (or ending) `until`, and return what was shown, up to and including it."""
    wanted = {**FILM_MOVES, **(moves or {})}
    state, events = new_game(story, seed=3)
    shown: list[str] = []
    status: dict[str, str] = {}
    for _ in range(300):
        for event in events:
            if isinstance(event, (SceneShown, Narration, EndingReached)):
                shown += event.paragraphs
            if isinstance(event, SceneShown):
                status[event.scene_id] = event.seems
        if state.scene == until:
            return Played("\n".join(shown), status, state)
        assert state.ending is None, f"the path ended at `{state.ending}` before reaching `{until}`"
        scene = story.scenes[state.scene]
        move = wanted.get(scene.id)
        action: Input
        if scene.typewriter is not None:
            action = PageInput(move or "Ruby smiles.")
        else:
            labels = [choice.label.source for choice in available_choices(story, state)]
            matches = [n for n, label in enumerate(labels, 1) if move and move.lower() in label.lower()]
            assert move is None or len(matches) == 1, f"`{scene.id}`: {move!r} is not one of {labels}"
            action = ChoiceInput(matches[0] if matches else 1)
        state, events = step(story, state, action)
    raise AssertionError(f"never reached `{until}`")


def test_the_folder_harry_keeps_comes_back_before_it_is_in_the_drawer(shipped_story: Story) -> None:
    kept = play(shipped_story, "the_fight", {"the_vow": "give Harry the folder"})
    assert "take your folder back" in kept and "the folder is in the drawer" in kept
    assert kept.text.index("take your folder back") < kept.text.index("the folder is in the drawer")
    never_given = play(shipped_story, "the_fight")
    assert "take your folder back" not in never_given and "the folder is in the drawer" in never_given


def test_the_typewriter_cover_is_where_the_player_left_it(shipped_story: Story) -> None:
    sworn = play(shipped_story, "act3_start", {"act2_end": "Take the cover off again"})
    assert "Its cover is on" in sworn and "You never did cover it" not in sworn
    sheet = play(shipped_story, "misery_page", {"the_vow": "keep a clean sheet", "act2_end": "Leave the typewriter uncovered"})
    assert "You never did cover it" in sheet and "Its cover is on" not in sheet
    assert "There is no cover to take off" in sheet and "The cover comes off" not in sheet
    promised = play(shipped_story, "the_fight")
    assert "under its cover" in promised and "uncovered since" not in promised
    asked_how = play(shipped_story, "the_fight", {"harry_talk": "Ask him how"})
    assert "uncovered since the night you tried to write her back" in asked_how


def test_ruby_accuses_calvin_only_of_what_he_did_at_the_pool(shipped_story: Story) -> None:
    dragged = play(shipped_story, "the_fight")
    assert "You leave me with strangers and then drag me out" in dragged
    asked = play(shipped_story, "the_fight", {"act4_start": "Stay at Ruby's side", "langdon_pool": "ask her to come home"})
    assert "on a leash" not in asked and "left me with strangers" not in asked
    stayed_then_dragged = play(shipped_story, "the_fight", {"act4_start": "Stay at Ruby's side"})
    assert "dragged me out of that garden" in stayed_then_dragged and "leave me with strangers" not in stayed_then_dragged
    shouted = play(shipped_story, "act5_start", {"langdon_pool": "Order Langdon out"})
    assert "shouted at a man in his own pool" in shouted and "pulled her away from it" not in shouted


def test_harry_remembers_where_the_vow_was_made(shipped_story: Story) -> None:
    played = play(shipped_story, "back_to_normal")
    assert "You sat on your own back step and swore." in played and "stood in my kitchen and swore" not in played


def test_the_park_credits_only_a_last_page_that_made_her_forget(shipped_story: Story) -> None:
    forgetting = "Ruby forgets everything. She will remember none of it."
    free_after_forgetting = play(shipped_story, "park_again", {"back_to_normal": forgetting})
    assert "three in the morning" not in free_after_forgetting
    forgot_last = play(shipped_story, "park_again", {"last_page": forgetting})
    assert "She remembers nothing. You made sure of that once, at three in the morning." in forgot_last


def test_a_page_that_makes_her_herself_undoes_the_clinging_and_the_status_line_knows_she_is_out(
    shipped_story: Story,
) -> None:
    clinging = "She stands so close that you can no longer see her face."
    away = "She is not in the room. You keep looking at the place where she would be."
    played = play(shipped_story, "quarrel")
    assert played.status["not_home"] == away and played.status["misery_page"] == away
    assert played.status["clinging"] == clinging
    assert played.status["quarrel"] != clinging, "the film's page made her herself again, which undoes the clinging"
    assert played.state.traits["clingy"] == 0
    still_clinging = play(shipped_story, "quarrel", {"back_to_normal": "Ruby is in a sunny mood."})
    assert still_clinging.status["quarrel"] == clinging


def test_rosenthal_is_postponed_not_cancelled_before_the_session(shipped_story: Story) -> None:
    played = play(shipped_story, "falling", {"the_dream": "Lie still", "cover_on": "Take the cover off"})
    assert "cancel Dr. Rosenthal" not in played and "move Dr. Rosenthal to next week" in played


def test_sitting_in_morts_chair_is_not_followed_by_sulking_with_a_book(shipped_story: Story) -> None:
    sat = play(shipped_story, "weekend_night", {"weekend_arrival": "Sit in Mort's chair"})
    assert "read the same forty pages three times" not in sat and "The chair holds you" in sat
    sulked = play(shipped_story, "weekend_night")
    assert "read the same forty pages three times" in sulked


def test_the_lonely_sunday_is_a_week_after_the_drive_home(shipped_story: Story) -> None:
    played = play(shipped_story, "not_home")
    assert "The Sunday after, at the sink" in played and "On Sunday, at the sink" not in played


def test_harry_holds_out_his_hand_only_where_he_did(shipped_story: Story) -> None:
    for vow in ("swear him to secrecy", "give Harry the folder", "keep a clean sheet"):
        played = play(shipped_story, "weekend_sunday", {"the_vow": vow})
        assert "holding out his hand" not in played and "what you swore to him there" in played


def test_scotty_does_nothing_twice_for_the_first_time(shipped_story: Story) -> None:
    film = play(shipped_story, "epilogue_start")
    assert "which he has never done before" in film and "He has never done that." not in film
    assert "has done that once before, the first night you sat down to write her" in film


def test_the_demonstration_escalates_page_by_page_and_can_be_stopped(shipped_story: Story) -> None:
    stopped = play(shipped_story, "act5_start", {"demonstration_pause": "Stop."})
    assert "You stopped. You keep telling yourself that you stopped." in stopped
    assert "when she hit the floor" not in stopped and stopped.state.variables["cruelty"] < 5
    film = play(shipped_story, "act5_start")
    assert "Two type bars fly up at once" in film and "when she hit the floor" in film
    assert film.state.variables["cruelty"] >= 5


def test_the_demonstrations_suggestions_are_read_as_suggested(shipped_story: Story) -> None:
    """The prompt offers: dance, sing, bark like a dog, tell you you're a genius. Each must take as written."""
    seen = {
        "She dances.": "Her feet start before she does.",
        "She sings.": "She sings. It is a song from the fire",
        "She barks like a dog.": "She goes down on her hands and knees",
        "She tells me I'm a genius.": '"You\'re a genius," she says.',
    }
    for page, outcome in seen.items():
        played = play(shipped_story, "demonstration_last", {"demonstration_second": page})
        assert outcome in played, page


def test_the_honeymoon_is_offered_only_after_more_than_one_page(shipped_story: Story) -> None:
    """Keeping the vow for good ends the story in a honeymoon; one page of her is not enough to have earned it."""
    kept_vow = {"weekend_night": "Put the tarp back"}

    def offered(moves: dict[str, str]) -> bool:
        state = play(shipped_story, "act2_end", {**kept_vow, **moves}).state
        return any("Keep the vow for good" in c.label.source for c in available_choices(shipped_story, state))

    one_page = {
        "pages_pile_up": "Take the pages to Dr. Rosenthal",
        "act2_start": "Refuse",
        "the_vow": "keep your private promise",
    }
    assert not offered(one_page)
    assert offered({})  # the film's pages: the first, one more, and the proof for Harry


SUGGESTIONS: dict[str, dict[str, str]] = {
    # "Say who she is: what she does with her hands, how she feels about Scotty, what she dreams in, how she laughs."
    "first_page": {
        "She paints with her hands.": "artist",
        "She loves Scotty.": "likes_scotty",
        "She dreams in French.": "speaks_french",
        "She laughs like a bell.": "joyful",
    },
    "another_page": {},
    "proof_page": {},
    "broken_vow_page": {},
    "misery_page": {},
    "joy_page": {"Make her happy.": "joyful"},  # the prompt: "Make her happy."
    "back_to_normal": {"She is back to the way she was.": "herself"},  # "Write her back the way she was."
    "demonstration": {},
    # "She could dance. She could sing. She could bark like a dog, or tell you you're a genius."
    "demonstration_second": {
        "She dances.": "dances",
        "She sings.": "sings",
        "She barks like a dog.": "acts_like_a_dog",
        "She tells me I'm a genius.": "praises_calvin",
    },
    "demonstration_third": {},
    # "You could write that she is free. You could write her to stay."
    "last_page": {"She is free.": "free", "She stays.": "stays"},
}


def test_every_suggestion_a_typewriter_prompt_makes_takes_as_suggested(shipped_story: Story) -> None:
    """Each typewriter moment is listed (a new one must say what its prompt suggests); each suggestion, written
    plainly, is read as the trait it names and leads where the outcome for that trait leads."""
    typewriters = {scene.id for scene in shipped_story.scenes.values() if scene.typewriter is not None}
    assert set(SUGGESTIONS) == typewriters
    for scene_id, pages in SUGGESTIONS.items():
        if not pages:
            continue
        at = play(shipped_story, scene_id).state
        scene = shipped_story.scenes[scene_id]
        assert scene.typewriter is not None
        for page, trait in pages.items():
            after, events = step(shipped_story, at, PageInput(page))
            read = [e for e in events if isinstance(e, PageRead)]
            assert read and trait in {t.id for s in read[0].reading.sentences for t in s.traits if not t.negated}, page
            targets = {o.target for o in scene.typewriter.outcomes if any(t.trait == trait and not t.negated for t in o.wrote)}
            assert after.scene in targets or after.ending in targets, (scene_id, page)


def test_the_secret_vow_is_a_choice_and_honesty_with_the_fan_costs_no_trust(shipped_story: Story) -> None:
    secret = play(shipped_story, "the_vow", {"act2_start": "Refuse"}).state
    labels = [choice.label.source for choice in available_choices(shipped_story, secret)]
    assert len(labels) == 2 and all(label.startswith("Keep your secret") for label in labels)
    before = play(shipped_story, "cafe").state.variables["trust"]
    after = play(shipped_story, "ruby_finds", {"cafe": "Pull your hand away"}).state.variables["trust"]
    assert after == before
