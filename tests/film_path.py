"""The film's own path through the shipped story: its choices (by label) and its pages, in order.

Used by the story test (it must reach the film's ending, passing the beats in outline order), the continuity tests, and
`scripts/make_replays.py` to record the shipped film replay, so the replay a speed-runner watches first is the film,
not merely the shortest route to its ending. A walkthrough of one story is test data, not game code: it lives here, out
of the wheel.
"""

from __future__ import annotations

from game.engine import ChoiceInput, Input, PageInput, State, available_choices, new_game, step
from game.story.model import Story

FILM: tuple[tuple[str, str], ...] = (
    ("the_house", "Sit down at the typewriter"),
    ("blank_page", "Tear the page out"),
    ("rosenthal", "Promise him"),
    ("the_dream", "Get up and get her down on paper"),
    (
        "first_page",
        "Ruby Sparks is twenty-six and grew up in Dayton, Ohio. She paints. She loves Scotty, even though he is a mess.",
    ),
    ("pages_pile_up", "Write one more page"),
    ("another_page", "She is in love with Calvin."),
    ("falling", "Tell him it's the happiest"),
    ("clothes_found", "Show Harry the pages"),
    ("kitchen", "Say her name"),
    ("kitchen_talk", "Touch her hand"),
    ("harry_call", "Beg Harry to come over"),
    ("ruby_insists", "Tell her it's a work meeting"),
    ("cafe", "Pull your hand away"),
    ("ruby_finds", "Run after her"),
    ("seen", "Tell her you're overwhelmed"),
    ("making_up", "Promise her"),
    ("act2_start", "Take Harry upstairs"),
    ("proof_page", "Ruby speaks fluent French."),
    ("the_vow", "swear him to secrecy"),
    ("weekend_arrival", "Take your bag and a book"),
    ("weekend_afternoon", "Tell your mother the book is important"),
    ("weekend_night", "Go to bed"),
    ("weekend_sunday", "Say nothing"),
    ("act2_end", "Take the cover off again"),
    ("act3_start", "Agree, then ask which nights"),
    ("her_class", "Tell her about your own day"),
    ("not_home", "Go straight up to the study"),
    ("misery_page", "Ruby is miserable without Calvin. She can't bear to be apart from him."),
    ("clinging", "Tell her you need one afternoon alone"),
    ("joy_page", "Ruby is effervescent. She is always happy, always full of joy."),
    ("joy_days", "Keep your Thursday appointment"),
    ("rosenthal_session", "Tell him the truth"),
    ("harry_talk", "Promise him you'll put her back"),
    ("back_to_normal", "Ruby is herself again, back to the way she was."),
    ("quarrel", "Tell her nothing happened"),
    ("invitation", "Say you'll both go"),
    ("act4_start", "Go with Langdon"),
    ("lila", "Remind her that she's the one who left"),
    ("langdon_pool", "Take her by the wrist"),
    ("the_fight", "Tell her the truth, and prove it"),
    ("demonstration", "Ruby speaks French."),
    ("demonstration_pause", "Type one more line"),
    ("demonstration_second", "She barks like a dog."),
    ("demonstration_last", "Finish it"),
    ("demonstration_third", "She dances and dances. She tells him he is a genius."),
    ("jammed_typewriter", "Stay at the desk"),
    ("the_roller", "put it in the folder"),
    ("act5_start", "Read the manuscript"),
    ("small_hours", "everything you ever typed her to be"),
    ("last_page", "The moment Ruby leaves this house, she is free. She is no longer his creation."),
    ("the_note", "Say you're sorry"),
    ("the_door", "Go back down without knocking"),
    ("gone", "Sit on the edge of the made bed"),
    ("gone_floor", "Call Harry"),
    ("harry_phone", "Ask him to stay the night"),
    ("epilogue_start", "Go home and write it"),
    ("novel_written", "Take Scotty out"),
    ("the_park", "Ask her how she's finding it"),
    ("park_again", "Ask about her instead"),
)


class PathError(Exception):
    """The story no longer offers what the film's path expects (a scene or a choice was renamed)."""


def film_inputs(story: Story, seed: int = 0) -> tuple[tuple[Input, ...], State, list[str]]:
    """The inputs of the film's path, the final state, and the scenes passed (in order)."""
    state, _ = new_game(story, seed)
    inputs: list[Input] = []
    passed = [state.scene]
    for scene_id, move in FILM:
        if state.scene != scene_id:
            raise PathError(f"the film's path expected the scene `{scene_id}`, but the story is at `{state.scene}`")
        action: Input
        if story.scenes[scene_id].typewriter is not None:
            action = PageInput(move)
        else:
            labels = [choice.label.source for choice in available_choices(story, state)]
            matches = [n for n, label in enumerate(labels, 1) if move.lower() in label.lower()]
            if len(matches) != 1:
                raise PathError(f"`{scene_id}`: no single choice offered matches {move!r} (offered: {labels})")
            action = ChoiceInput(matches[0])
        inputs.append(action)
        state, _ = step(story, state, action)
        passed.append(state.scene)
    return tuple(inputs), state, passed
