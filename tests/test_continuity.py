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


def test_the_days_after_the_happy_page_follow_what_the_page_did(shipped_story: Story) -> None:
    joyful = play(shipped_story, "rosenthal_session")
    assert "For three days she does not stop" in joyful and "She cries at breakfast" not in joyful
    for page, shown, not_shown in (
        ("It rains all week. The garden is wet.", "Nothing is better.", "You did that with your fingers"),
        ("Ruby is never happy again.", "She isn't sad. She isn't anything.", "She cries at breakfast"),
        ("Ruby is sad.", "She cries at breakfast", "She isn't sad. She isn't anything."),
    ):
        played = play(shipped_story, "rosenthal_session", {"joy_page": page})
        assert shown in played and not_shown not in played, page
        assert "joy_undone" in played.status and "joy_days" not in played.status, page
    first_page_sadness = play(
        shipped_story, "harry_talk", {"first_page": "Ruby is a little sad sometimes.", "joy_page": "It rains."}
    )
    assert "You did that with your fingers" not in first_page_sadness and "You made her cry" not in first_page_sadness


def test_a_line_that_makes_her_forget_the_night_is_not_a_line_she_remembers(shipped_story: Story) -> None:
    forget = {"demonstration_second": "She forgets everything that happened tonight and smiles at me like nothing is wrong."}
    stopped = play(shipped_story, "act5_start", {**forget, "demonstration_forgot": "Stop"})
    assert "demonstration_forgot" in stopped.status and "demonstration_last" not in stopped.status
    assert "hates you the whole time" not in stopped and "She doesn't know. You said it out loud" in stopped
    assert "She knows now." not in stopped and "walks past you without looking" not in stopped
    assert "The page is face down on the desk" in stopped and "The page is still in the roller" not in stopped
    went_on = play(shipped_story, "act5_start", {**forget, "demonstration_forgot": "Go on typing"})
    assert "She knows now." in went_on and not went_on.state.variables["forgot_tonight"]


def test_a_page_pulled_out_of_the_roller_is_not_still_in_it(shipped_story: Story) -> None:
    pulled = play(shipped_story, "act5_start", {"demonstration_last": "Stop. Take the page out"})
    assert "You pull the page out of the roller" in pulled and "The page is still in the roller" not in pulled
    assert "The page is face down on the desk where you left it" in pulled
    film = play(shipped_story, "act5_start")
    assert "The page is still in the roller" in film and "face down on the desk where you left it" not in film


def test_she_is_either_on_the_floor_or_holding_a_chair(shipped_story: Story) -> None:
    both = play(shipped_story, "jammed_typewriter", {"demonstration_second": "She dances and then she barks like a dog."})
    assert "holding the back of a chair" not in both and "still on the floor, out of breath" in both
    dancing = play(shipped_story, "jammed_typewriter", {"demonstration_second": "She dances."})
    assert "holding the back of a chair" in dancing and "still on the floor" not in dancing


def test_the_narrator_does_not_state_an_age_or_a_hometown_the_first_page_can_contradict(shipped_story: Story) -> None:
    played = play(shipped_story, "falling", {"first_page": "Ruby is thirty-one and grew up in Paris. She paints."})
    assert "twenty-six" not in played.text.lower() and "Dayton" not in played and "Ohio" not in played


def test_the_misery_written_at_morts_keeps_her_from_a_night_out(shipped_story: Story) -> None:
    moves = {"weekend_night": "Roll a clean sheet", "broken_vow_page": "When I'm not with her, she is miserable."}
    played = play(shipped_story, "clinging", {**moves, "not_home": "Tell her to come home"})
    assert "where did Calvin go?" in played and "I need somewhere to be that isn't waiting for you" in played
    assert "Don't wait up. x" not in played and "crying so hard she can barely say your name" in played
    assert "misery_page" not in played.status


def test_a_promise_kept_does_not_send_him_down_the_hall(shipped_story: Story) -> None:
    confessed = {
        "not_home": "Turn off the lamp",
        "morning_home": "Tell her about the typewriter",
        "confession": "Promise her",
    }
    kept = play(shipped_story, "act4_start", {**confessed, "own_hours": "Keep your promise"})
    assert "joy_page" not in kept.status and "You go down the hall instead" not in kept
    assert "gave up a Saturday at the frame shop" in kept and "she has been quiet for days" not in kept
    broken = play(shipped_story, "joy_page", {**confessed, "own_hours": "Ask her to stay home"})
    assert "You promised her. You know it the whole length of the hall." in broken


def test_going_after_her_and_staying_on_the_stairs_are_told_apart(shipped_story: Story) -> None:
    truth = {"the_fight": "put the manuscript in her hands"}
    went = play(shipped_story, "burned_manuscript", {**truth, "the_pages": "Go after her"})
    stayed = play(shipped_story, "burned_manuscript", {**truth, "the_pages": "Stay on the stairs"})
    assert "You stay in the kitchen doorway" in went and "You don't see it" not in went
    assert "You don't see it" in stayed and "You stay in the kitchen doorway" not in stayed


def test_details_follow_what_was_written_and_chosen(shipped_story: Story) -> None:
    dived = play(shipped_story, "her_class", {"weekend_afternoon": "Put the book down"})
    assert "somehow you still missed most of it" not in dived and "the belly-flop to prove it" in dived
    denied = play(shipped_story, "last_page", {"joy_page": "Ruby is never happy again."})
    assert "the weeks she laughed at everything" not in denied and "the page that made her laugh" not in denied
    a_little = play(shipped_story, "kitchen_talk", {"first_page": "Ruby paints. She is a little sad sometimes, but it passes."})
    assert "Her eyes are red" not in a_little and "goes still at the window" in a_little
    sad = play(shipped_story, "kitchen_talk", {"first_page": "Ruby paints. She is sad."})
    assert "Her eyes are red" in sad
    honeymoon = play(shipped_story, "the_honeymoon", {"weekend_night": "Put the tarp back", "act2_end": "Keep the vow for good"})
    assert "deep water" not in honeymoon


def test_a_small_written_sadness_does_not_hang_over_her_happiest_days(shipped_story: Story) -> None:
    quiet = "Something in her has gone quiet, and you don't know where she keeps it."
    page = "Ruby paints. She laughs with her whole body. She is a little sad sometimes, but it passes."
    played = play(shipped_story, "act2_end", {"first_page": page})
    assert played.status["kitchen_talk"] != quiet and played.status["weekend_night"] != quiet
    assert played.status["seen"] == quiet, "a low day still shows it (the café cost her two points of mood)"
