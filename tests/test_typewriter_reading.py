"""The typewriter's second edition, as a player meets it: the sentences of issue 13, page sets written by people who
never saw the lexicon, and properties that hold for any text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.feedback import draft_notes, page_feedback
from game.story.loader import load_story
from game.story.model import Story
from game.typewriter import read_page
from game.typewriter.words import stem
from tests.conftest import examples

DATA = Path(__file__).parent / "data"

A = False  # asserted
D = True  # denied

EXAMPLES: list[tuple[str, dict[str, bool]]] = [
    # everyday wording and idioms
    ("she's on cloud nine", {"joyful": A}),
    ("She has a knack for sketching.", {"artist": A}),
    ("Without him she's a wreck.", {"miserable_without_calvin": A}),
    ("She hangs on his every word.", {"clingy": A}),
    # first person: I, me and my are Calvin
    ("She loves me.", {"loves_calvin": A}),
    ("She can't live without me.", {"miserable_without_calvin": A}),
    ("She is no longer my creation.", {"free": A}),
    # roles, not fixed strings
    ("She is miserable every time he goes out.", {"miserable_without_calvin": A}),
    ("She cries until he comes home.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    ("She falls apart when I leave.", {"miserable_without_calvin": A}),
    ("When Calvin's out she's an utter wreck.", {"miserable_without_calvin": A}),
    ("Without Calvin around she is a mess.", {"miserable_without_calvin": A}),
    ("She follows me everywhere.", {"clingy": A}),
    ("She needs Calvin.", {"clingy": A}),
    ("She adores the dog.", {"likes_scotty": A}),
    # Ruby as object or possessor
    ("A great calm comes over her.", {"joyful": A}),
    ("Her heart is light.", {"joyful": A}),
    # casual typing
    ("shes sadd", {"sad": A}),
    ("she luvs me", {"loves_calvin": A}),
    ("she dont speak french", {"speaks_french": D}),
    ("she cant dance", {"dances": D}),
    ("rubi is hapy", {"joyful": A}),
    # negation and scope
    ("Nothing makes her happy.", {"joyful": D}),
    ("She has no friends of her own.", {"independent": D}),
    ("Her sister is calm and has her own friends.", {}),
    ("She never cared for him.", {"loves_calvin": D}),
    ("She stops crying.", {"cries": D}),
    ("She is not quite herself.", {"herself": D}),
    ("She never dances, not even at weddings.", {"dances": D}),
    ("She is happy but not in love.", {"joyful": A, "loves_calvin": D}),
    # saying without asserting
    ("I wish she spoke French.", {}),
    ("Harry thinks she is sad.", {}),
    ("If she were happy, she would sing.", {}),
    ("Is she happy?", {}),
    ('"I am free," she says.', {}),
    ("Can she paint? She can.", {"artist": A}),
    ("Does she love me? No.", {"loves_calvin": D}),
    ("Can she sing? Beautifully.", {"sings": A}),
    ("He asks if she is happy.", {}),
    ("I'm thinking of writing that she barks.", {}),
    # a time clause asserts nothing of its own, but the main clause that goes on after it still asserts
    ("She's lonely when I'm away but cheerful once I'm home.", {"miserable_without_calvin": A, "joyful": A}),
    ("I wish she were happy and sang.", {}),
    # "his" after another man is named is his, as "him" is
    ("She tells Harry his book is great.", {}),
    ("Scotty runs to her. She pats his head.", {"likes_scotty": A}),
    # after her words about me, a verb that agrees with "she" is hers again, and asserted
    ("She tells me I am a genius and then dances.", {"praises_calvin": A, "dances": A}),
    ("She says I am sad and sings.", {"sings": A}),
    ("I am worried that she will go.", {}),
    ("She is scared that he will go.", {"afraid": A}),
    ("I am afraid she has walked out.", {"leaves": A}),
    ("I'm afraid she walked out.", {"leaves": A}),
    ("She tells me I'm a genius and then she weeps.", {"praises_calvin": A, "cries": A, "sad": A}),
    # a question inside a sentence ends where a main clause with its own subject starts, comma or none
    ("When Harry asks if she is all right she says yes, but she has been crying.", {"cries": A, "sad": A}),
    ("By the time he wakes up she is dancing.", {"dances": A}),
    # word sense: false readings that must not take
    ("She eats French fries.", {}),
    ("She wears blue jeans.", {}),
    ("She has blue eyes.", {}),
    ("She puts on her blue scarf.", {}),
    # what she wears or keeps is not her: the colour or mood of a thing says nothing of hers
    ("Her pants are blue.", {}),
    ("Her walls are blue and her poems are lonely.", {}),
    ("Her gaze is sad.", {"sad": A}),
    ("She sings and paints.", {"sings": A, "artist": A}),
    # a feeling that ends is denied, and its "gone" or "leaves" is not her going
    ("Her sadness is gone.", {"sad": D}),
    ("Her fear has finally faded, and she laughs.", {"afraid": D, "laughs": A, "joyful": A}),
    ("Her love for me is gone.", {"loves_calvin": D}),
    ("The sadness leaves her.", {"sad": D}),
    # her feeling as the subject: what it does is the feeling's, not hers ("knows no bounds" is not her freedom)
    ("Her joy knows no bounds.", {"joyful": A}),
    # refusing to go is staying; going somewhere else, or not letting go, is not
    ("She won't go, no matter what I type.", {"stays": A}),
    ("She refuses to go.", {"stays": A}),
    ("She won't go to the party.", {}),
    ("She will not go quietly.", {}),
    ("She clings to me and won't let go.", {"clingy": A}),
    ("She doesn't go.", {"stays": A}),
    ("Her love for me has died.", {"loves_calvin": D}),
    ("The joy drains out of her.", {"joyful": D}),
    ("She hangs up her dancing shoes for good.", {"dances": D}),
    ("Her spirits are at rock bottom.", {"sad": A}),
    # negative concord, as people speak: one denial, not two that cancel
    ("ruby aint sad no more", {"sad": D}),
    ("She doesn't cry no more.", {"cries": D}),
    ("ruby iz sad", {"sad": A}),
    # what nobody does to her is said of her
    ("Nobody pulls her strings anymore.", {"free": A}),
    ("Nobody cheers her up.", {"joyful": D}),
    ("She is gone.", {"leaves": A}),
    ("She leaves her job and paints.", {"artist": A}),
    ("She leaves the waiter speechless.", {}),
    ("She cries out his name.", {}),
    ("She hums with the lamp turned on low.", {"sings": A}),
    ("I find her weeping in the kitchen with the kettle gone cold.", {"cries": A, "sad": A}),
    ("She is sad, and I wonder how, or whether I caused it.", {"sad": A}),
    ("Her heart is in her mouth as the plane lands.", {"afraid": A}),
    ("She paints while Oskar Brandt sings.", {"artist": A}),
    ("She leaves me tonight.", {"leaves": A}),
    ("She leaves me a letter.", {}),
    ("She's down with a cold.", {}),
    ("She'd sketched him in charcoal.", {"artist": A}),
    ("She'd sketch him if she could.", {}),
    ("She sits down.", {}),
    ("She draws the blinds.", {}),
    ("She draws a blank.", {"forgets": A}),
    ("She barks like a dog.", {"acts_like_a_dog": A}),
    # the stemmer's irregular forms
    ("She made her own decisions.", {"independent": A}),
    # the film's own ideas, and action traits
    ("Make her dance.", {"dances": A}),
    ("Write her to stay.", {"stays": A}),
    ("She sings.", {"sings": A}),
    ("She acts like a dog.", {"acts_like_a_dog": A}),
    ("She cries.", {"cries": A, "sad": A}),
    ("She laughs.", {"laughs": A, "joyful": A}),
    ("She tells him he is a genius.", {"praises_calvin": A}),
    ("She is afraid.", {"afraid": A}),
    ("She stays with him.", {"stays": A}),
    ("She never leaves.", {"stays": A}),
    ("She walks out.", {"leaves": A}),
    ("She sings and dances.", {"sings": A, "dances": A}),
    # a thing of hers is not her; a verb in another sense; how a thing is done
    ("Her paintings sell well.", {}),
    ("She sings the praises of the new bakery.", {}),
    ("She sings his praises to everyone.", {"praises_calvin": A}),
    ("She quit painting years ago.", {"artist": D}),
    ("She gives up painting.", {"artist": D}),
    ("She gives up and leaves.", {"leaves": A}),  # giving up ends nothing after it (and must not hang the reader)
    ("She gives up", {}),
    ("She is free at last.", {"free": A}),
    ("She is free at noon.", {}),  # free of her time, not of her writer
    ("idk she just forgets stuff", {"forgets": A}),
    ("I make her stop singing.", {"sings": D}),
    ("The letter moves her to tears.", {"cries": A, "sad": A}),
    ("She is shaking in her boots.", {"afraid": A}),
    ("I pull her strings.", {"free": D}),
    ("No one pulls her strings now.", {"free": A}),
    ("She leaves without saying goodbye.", {"leaves": A}),
    ("She leaves without crying.", {"leaves": A, "cries": D}),
    ("I scare her when I shout.", {"afraid": A}),
    ("I scare her dog.", {}),
    # a phrase ends at "and"; a report ends with its clause; an order to someone else has not happened
    ("She breaks down in tears and runs out of the house.", {"cries": A, "sad": A, "leaves": A}),
    ("She speaks Spanish and French.", {"speaks_french": A}),
    ("Although Harry says she is sad, she is happy.", {"joyful": A}),
    ("She tells Scotty to stay.", {}),
    ("Have her sing a song.", {"sings": A}),
    ("Has her mother left?", {}),
    # words in another use: "own" before a noun, "stay" as "be", a plural that is no typo, "get out of bed"
    ("She can't remember the name of her own street.", {"forgets": A}),
    ("She has a mind of her own.", {"independent": A}),
    ("She stays cheerful.", {"joyful": A}),
    ("She orders the crêpes.", {}),
    ("She won't get out of bed.", {}),
    ("She is already gone.", {"leaves": A}),
    # a typo of an irregular form; fragments that name no subject carry hers on; an adjective after a comma
    ("she frogot my name again", {"forgets": A}),
    ("She sat by the window. Quiet. Lonely.", {"sad": A}),
    ("She woke at six. Made coffee. Sang along to the radio.", {"sings": A}),
    ("Harry is here. Asdf! Sad.", {}),
    ("Ruby sits in the corner, quietly happy.", {"joyful": A}),
    # a relative clause is about the noun before it; a comparison; a thing named by its last noun; a plural noun
    ("She speaks French with the waiter, who grins.", {"speaks_french": A}),
    ("Harry hugs Ruby, who cries.", {"cries": A, "sad": A}),
    ("She is the one who loves me.", {"loves_calvin": A}),
    ("Ruby is as happy as she's ever been.", {"joyful": A}),
    ("She leaves the car keys on the counter.", {}),
    ("She leaves the old house.", {"leaves": A}),
    ("She packs up her paints and leaves for good.", {"leaves": A}),
    ("I watch her paint.", {"artist": A}),
    ("She cries out when she stubs her toe.", {}),
    ("Ruby gets down and barks right back at him.", {"acts_like_a_dog": A}),
    # "never a day ... doesn't" is always; chat spellings; idioms said to her
    ("There's never a day she doesn't sing.", {"sings": A}),
    ("shes laffing so hard rn", {"laughs": A, "joyful": A}),
    ("My jokes crack her up.", {"laughs": A, "joyful": A}),
    # a typo keeps the start of the word; colloquial intensifiers
    ("she cant stop cryng", {"cries": A, "sad": A}),
    ("she is super sad", {"sad": A}),
    ("shes super lonley lately", {"sad": A}),
    # subordinate clauses with a noun phrase for subject; apposition; an order's object goes on; what remains
    ("Susie left early, but Ruby stayed with me until the last guest went home.", {"stays": A}),
    ("Even though her sister phoned in tears, Ruby stayed calm and cheerful.", {"joyful": A}),
    ("Ruby sat between them, a little scared of Mort's booming voice.", {"afraid": A}),
    ("Make her giggle and dance.", {"laughs": A, "joyful": A, "dances": A}),
    ("Heights don't scare her anymore.", {"afraid": D}),
    ("There's no joy left in her.", {"joyful": D}),
    ("She left in a hurry.", {"leaves": A}),
    ("It's not that she doesn't love me.", {"loves_calvin": A}),
    ("She growls at the mailman and chases his truck down the block.", {"acts_like_a_dog": A}),
    # the object of a relative clause; "so does Ruby"; a past tense typed without its e
    ("Scotty, whom she adores, sleeps at the foot of the bed.", {"likes_scotty": A}),
    ("The waiter speaks French, and so does Ruby.", {"speaks_french": A}),
    ("Harry is sad. Neither is Ruby.", {"sad": D}),
    ("she stoppd painting", {"artist": D}),
    # a belief is not praise; "fetch" is a dog's only with a dog's things; a place
    ("She thinks I'm a genius.", {}),
    ("She fetches a bottle of wine from the cellar.", {}),
    ("She fetches the stick.", {"acts_like_a_dog": A}),
    ("Harry asks if she's still painting. She is. Every day, down by the water.", {"artist": A}),
    # idioms that more than one held-out writer reached for
    ("She has a face like a wet weekend.", {"sad": A}),
    ("She did a runner in the middle of the night.", {"leaves": A}),
    ("She paddles her own canoe now.", {"independent": A}),
    # Calvin planning a page is not the page
    ("Later I'll write that she paints.", {}),
    ("I ought to write that she is brave and free.", {}),
    ("Next week I'm going to make her sing.", {}),
    ("I make her sing.", {"sings": A}),
    # "him" is the last male named, until Calvin is named again
    ("Harry drops by. She hugs him and tells him he looks tired.", {}),
    ("Mort shows her the workshop. She adores him.", {}),
    ("She brushes the dog and cuddles him.", {"likes_scotty": A}),
    ("Harry laughs. Calvin comes in and she adores him.", {"loves_calvin": A}),
    # crying when he is gone is misery without him, and crying
    ("She weeps every time I go to work.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    ("She mopes every time I go to work.", {"miserable_without_calvin": A}),
    # never been this happy is a superlative
    ("She has never been this content.", {"joyful": A}),
    ("She has never been content.", {"joyful": D}),
    # "it" after "and" with its own verb is a new subject
    ("She turns the radio on and it plays a waltz.", {}),
    # irregular past forms of common verbs
    ("A deep calm came over her.", {"joyful": A}),
    ("She walked out and never came back.", {"leaves": A}),
    # "hardly" is next to never
    ("She hardly sings anymore.", {"sings": D}),
    ("Hardly a night goes by that she doesn't dance.", {"dances": A}),
    # a "nothing" that is one verb's object denies nothing past the comma
    ("She wants nothing, laughs at everything, and paints all day.", {"laughs": A, "joyful": A, "artist": A}),
    # an adjective before a thing describes the thing
    ("She drives a blue pickup.", {}),
    ("She is a blue little thing these days.", {"sad": A}),
    # a "no longer" after the words denies them only when nothing of its own follows it
    ("She's free now, no longer my creation.", {"free": A}),
    ("She is lonely no more.", {"sad": D}),
    # actions that show the trait
    ("She hides under the table when the doorbell rings.", {"afraid": A}),
    ("She hides the present under the bed.", {}),
    ("She grabs my sleeve whenever I reach for the door.", {"clingy": A}),
    ("She scratches to be let out.", {"acts_like_a_dog": A}),
    ("She rubs Scotty's belly.", {"likes_scotty": A}),
    # staying somewhere is not staying with him
    ("She stays at a motel in Ojai for the weekend.", {}),
    # someone named by a noun phrase is not her, even after "a little"; "a little sad" is still a degree
    ("A little boy dances in the fountain.", {}),
    ("A little sad.", {"sad": A}),
    # an opening "right now" or "at once" stands before her, as "suddenly" does; "once she..." is still a time
    ("Right now she barks at the door.", {"acts_like_a_dog": A}),
    ("All at once she is herself again.", {"herself": A}),
    ("Once she dances, I type faster.", {}),
    # an idiom's closing particle follows what comes before it: "jump up" is not "made her up"
    ("I make her jump up and down with joy.", {"joyful": A}),
    ("I make her pick up the phone.", {}),
    ("I made her up.", {"free": D}),
    ("Up early, I made her", {}),  # the page ends where the particle would be (it crashed once)
    # "nothing but" affirms; "the heck out of" only makes it louder
    ("She speaks nothing but French.", {"speaks_french": A}),
    ("Nothing makes her happy.", {"joyful": D}),
    ("thunder scares the heck outta her", {"afraid": A}),
    ("Out of the blue, the storm scares the living daylights out of her.", {"afraid": A}),
    # to cry next to a quotation is to call out, not to weep
    ('"Over here!" she cries, waving down a taxi.', {}),
    ('She cries, "Wait for me!"', {}),
    ('She cries. "Why?" she asks.', {"cries": A, "sad": A}),
    # what she and the writer do together, she does
    ("She and I waltz on the balcony.", {"dances": A}),
    ("Harry and I dance all night.", {}),
    # "he" after another man is named is that man, as "him" is
    ("Harry is down. She tells him he's wonderful.", {}),
    # what "her" owns comes right after it: "with her in French" is not "her French"
    ("The baker flirts with her in French.", {}),
    # "rarely" is next to never
    ("She rarely laughs.", {"laughs": D}),
    # his absence as the reason, or said in the sentence before
    ("She is sad because I am away.", {"miserable_without_calvin": A}),
    ("I was gone for a week. She wept every night.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    ("I came home late. She was at the window, crying.", {"cries": A, "sad": A}),
    ("She waited at the window the whole time and wept.", {"cries": A, "sad": A}),
    # a plan with an adverb before it is still a plan
    ("Maybe I should type that she's happy.", {}),
    # "gone" that is not leaving
    ("She's completely gone on me.", {}),
    ("She's gone for good.", {"leaves": A}),
    # his going, and then what she does
    ("I leave and she goes to pieces.", {"miserable_without_calvin": A}),
    ("I go to work and she paints.", {"artist": A}),
    # a name the story gives that starts like a possession
    ("My girl loves me.", {"loves_calvin": A}),
    ("My brother speaks French.", {}),
    # an art word needs its art: picking up the kids is not picking up her brush
    ("She picks up the kids from school.", {}),
    ("She picks up her brush.", {"artist": A}),
    # what she fears has not happened
    ("She is terrified of losing her freedom.", {"afraid": A}),
    # the dog's love for her is not hers for the dog
    ("My dog Scotty adores her.", {}),
    # a progressive of going away is going away
    ("She's going away for good.", {"leaves": A}),
    # what the writer gives her, she has
    ("I give her a life of her own.", {"independent": A}),
    ("Harry gives her a life of her own.", {}),
    # a stranger she meets is whom "him" means next
    ("She meets a sailor at the docks. She's crazy about him.", {}),
    # her free afternoon is not her freedom
    ("Her afternoon is free.", {}),
    # "with me out of the house" is his absence
    ("With me out of the house she falls to pieces.", {"miserable_without_calvin": A}),
    ("She is happy with me.", {"joyful": A}),
    # leaving someone a message is not leaving
    ("She left Harry a voicemail.", {}),
    # "so" before how she feels is a degree, not "says so"
    ("She feels so down.", {"sad": A}),
    # what she only turns over in her mind has not happened
    ("She thought about leaving. She stayed.", {"stays": A}),
    # a predicate joined by "and" keeps the clause's "whenever I leave"
    ("Whenever I leave the room, she whimpers and cries.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    # a comparison to a puppy is not love of the dog
    ("She's like a puppy, chasing squirrels around the yard.", {"acts_like_a_dog": A}),
    # chat spellings
    ("she 4got my name lol", {"forgets": A}),
    ("she leaves 4 good", {"leaves": A}),
    # two objects joined by "and" are both the verb's
    ("She loves me and my dog.", {"loves_calvin": A, "likes_scotty": A}),
    ("She adores Scotty and throws him a ball.", {"likes_scotty": A}),
    # the object put first
    ("Me, she adores; Harry, she can barely stand.", {"loves_calvin": A}),
    # a hot dog is no dog
    ("She's a big fan of hot dogs.", {}),
    # clinginess told by how often she calls him
    ("She phones me every hour.", {"clingy": A}),
    ("She calls me every night.", {}),
    # "never without her following me" is always followed
    ("I can't go to the bathroom without her following me.", {"clingy": A}),
    ("I go out without her following me.", {"clingy": D}),
    # "no" to "will she leave?" is her staying, as "she won't leave" is
    ("Will she leave me? No.", {"stays": A}),
    ("She leaves. Then she doesn't.", {"leaves": D}),
    # a bare "goes" is leaving; going somewhere is not
    ("She slams the door and goes.", {"leaves": A}),
    ("She goes to the kitchen.", {}),
    ("She won't let go.", {}),
    # after a time clause, a comma and a bare description are the main subject's
    ("She waits by the window all day when I'm gone, miserable.", {"miserable_without_calvin": A}),
    ("I lie awake all night while Ruby sleeps beside me, content.", {"joyful": A}),
    # a dance named after "a" and its adjectives is music, not dancing
    ("She sits at the piano and plays a sad French waltz.", {}),
    # a thing she praises is not him
    ("She tells me the French fries are brilliant.", {}),
    ("She tells me the book I wrote is a masterpiece.", {"praises_calvin": A}),
    # a page almost written, or wanted by part of him, is not written
    ("I almost typed that she speaks French, but I deleted it.", {}),
    ("Part of me wants to type that she adores me.", {}),
    # "as if" makes only what follows it unreal
    ("Ruby breaks down and sobs as if her heart will break.", {"cries": A, "sad": A}),
    # "it" starts a clause of its own after "until"
    ("She barks at it until it disappears.", {"acts_like_a_dog": A}),
    # after "so", she goes on into the next clause
    ("Scotty is sick, so she stays with me and sings to him.", {"stays": A, "sings": A}),
    # a feeling that has left her is denied
    ("The fear has left her.", {"afraid": D}),
    ("Her fear of the dark fades away.", {"afraid": D}),
    # what someone else writes is a report; what Calvin typed is the page
    ("The critic writes that she is a brilliant painter.", {}),
    ("Last night I typed that Ruby adores Scotty.", {"likes_scotty": A}),
    # what she knows has its own subject
    ("She hardly notices I'm gone.", {}),
    # where she is, then what she does there
    ("Ruby is on the balcony painting.", {"artist": A}),
    ("She hangs the balcony painting.", {}),
    # remembering to do something is not her memory
    ("She forgets her own birthday, but she remembers to tell me I'm a genius.", {"forgets": A, "praises_calvin": A}),
    ("She has fallen out of love with me.", {"loves_calvin": D}),
    # the subject of an idiom with "her" in it fills the trait's role: the dog, or the writer
    ("Scotty is the apple of her eye.", {"likes_scotty": A}),
    ("I'm the apple of her eye.", {"loves_calvin": A}),
    ("Harry is the apple of her eye.", {}),
    # an aside between his absence and what she does; a comma before "and"
    ("Whenever I'm away, even for an afternoon, she mopes.", {"miserable_without_calvin": A}),
    ("I leave for Harry's, and she falls apart.", {"miserable_without_calvin": A}),
    ("She's miserable when I'm away, but she never cries.", {"miserable_without_calvin": A, "cries": D}),
    # a shade of a colour says nothing of her
    ("Her eyes are a deep, sparkling blue.", {}),
    # the denial of another verb does not reach a description after a comma
    ("She dives under the bed and won't come out, petrified.", {"afraid": A}),
    ("She isn't sad, lonely or afraid.", {"sad": D, "afraid": D}),
    # torn up inside is sad, not tears
    ("She's all torn up inside.", {"sad": A}),
    ("ugh ruby is a total wreck every time im out of the house", {"miserable_without_calvin": A}),
    # a capitalised word inside a sentence names a title or a person; a language, or emphasis after "is", does not
    ("She watches Dirty Dancing twice in one night.", {}),
    ("Her friend Joy comes over for tea.", {}),
    ("Ruby's French is perfect.", {"speaks_french": A}),
    ("She is Happy.", {"joyful": A}),
    ("Ruby Dances.", {"dances": A}),
    # typed with no stop: "she" and her verb after a word a sentence ends on start the next
    ("she dont need anybody she makes her own choices", {"independent": A}),
    ("I'm not sure she loves me.", {}),
    # what she is called is said of her, even before a thing
    ("She is a clingy little shadow.", {"clingy": A}),
    ("She drives a blue Fiat.", {}),
    # not needing him to decide is deciding for herself; not needing him to come along is not clinging
    ("She doesn't need me to decide anything for her.", {"independent": A}),
    ("She doesn't need me to tag along.", {"clingy": D}),
    # "him" read as Harry is still the one she cheers up
    ("Harry is sad. Ruby cheers him up.", {}),
    ("Her love for me is fading.", {"loves_calvin": D}),
    ("She stays at Mabel's for dinner.", {}),
    ("She stays for dinner.", {"stays": A}),
    # "every evening I'm away" says when; "every morning she..." only how often
    ("Every evening I'm away, she is miserable.", {"miserable_without_calvin": A}),
    ("Every morning she tells me I'm a genius.", {"praises_calvin": A}),
    # never leaving his side is staying (seven held-out writers in five rounds)
    ("Since I wrote her, she has never once left my side.", {"stays": A}),
    # thinking the world of him is love, not praise said to him
    ("She thinks the world of me.", {"loves_calvin": A}),
    ("She dances to Harry's tune.", {}),
    ("She watches Singin' in the Rain.", {}),
    ("Her love for me slowly fades away.", {"loves_calvin": D}),
    ("She loves chili dogs.", {}),
    ("She hugs her French tutor.", {}),
    # a going not done: after "to", "go" is not her leaving
    ("Mabel phoned about the party. Ruby forgot to go.", {"forgets": A}),
    ("She is bound to me.", {"free": D}),
]


def traits_of(story: Story, text: str) -> dict[str, bool]:
    """Each trait's last reading on the page, as the engine applies them."""
    assert story.lexicon is not None
    out: dict[str, bool] = {}
    for sentence in read_page(story.lexicon, story.characters, text).sentences:
        for trait in sentence.traits if sentence.about_ruby else ():
            out.pop(trait.id, None)
            out[trait.id] = trait.negated
    return out


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[text for text, _ in EXAMPLES])
def test_the_issues_sentences_read_as_described(shipped_story: Story, text: str, expected: dict[str, bool]) -> None:
    assert traits_of(shipped_story, text) == expected


@pytest.mark.parametrize(
    ("irregular", "base"),
    [
        ("has", "have"),
        ("had", "have"),
        ("made", "make"),
        ("left", "leave"),
        ("lost", "lose"),
        ("took", "take"),
        ("gave", "give"),
        ("wrote", "write"),
        ("became", "become"),
        ("sang", "sing"),
        ("told", "tell"),
    ],
)
def test_irregular_forms_reach_the_same_stem_as_their_base(irregular: str, base: str) -> None:
    assert stem(irregular) == stem(base)


def test_make_her_do_something_is_about_her_but_makes_nothing_true(shipped_story: Story) -> None:
    assert shipped_story.lexicon is not None
    (sentence,) = read_page(shipped_story.lexicon, shipped_story.characters, "Make her do something.").sentences
    assert sentence.about_ruby and sentence.traits == ()


# -- page sets written from docs/typewriter.md alone ------------------------------------------------------------------


def _score(story: Story, path: Path) -> tuple[float, float, dict[str, float]]:
    pages = yaml.safe_load(path.read_text(encoding="utf-8"))["pages"]
    right = false = 0
    by_kind: dict[str, list[int]] = {}
    for page in pages:
        expected = {t["id"]: bool(t["negated"]) for t in page["traits"]}
        got = traits_of(story, page["text"])
        ok = got == expected
        right += ok
        false += any(expected.get(trait) != negated for trait, negated in got.items())
        by_kind.setdefault(page["kind"], []).append(ok)
    return right / len(pages), false / len(pages), {kind: sum(oks) / len(oks) for kind, oks in by_kind.items()}


@pytest.mark.parametrize("name", ["pages_dev.yaml", "pages_dev2.yaml"])
def test_the_dev_pages_read_right(shipped_story: Story, name: str) -> None:
    """The pages the reader was tuned on: a regression here is a class of sentence that stopped reading."""
    share, false, by_kind = _score(shipped_story, DATA / name)
    assert share >= 0.97, by_kind
    assert false <= 0.01
    assert min(by_kind.values()) >= 0.9, by_kind


HELD_OUT = sorted(path.name for path in DATA.glob("pages_heldout*.yaml"))


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_pages_read_right(shipped_story: Story, name: str) -> None:
    """Pages written by people who never saw the lexicon or the code. Each batch was measured once, fresh; then its
    classes of failure were fixed (never the pages themselves) and the next batch written. The last batch is the
    figure in the closing note. This test only keeps a later change from losing ground."""
    share, false, by_kind = _score(shipped_story, DATA / name)
    assert share >= 0.93, by_kind
    assert false <= 0.03


def test_the_page_sets_are_large_and_cover_every_kind() -> None:
    kinds = {"idiom", "casual", "compound", "multi_sentence", "negation", "someone_else", "first_person", "not_asserting",
             "word_sense", "action"}  # fmt: skip
    held_out = 0
    for name in HELD_OUT:
        pages = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["pages"]
        assert {page["kind"] for page in pages} == kinds
        held_out += len(pages)
    assert held_out >= 300


# -- properties -------------------------------------------------------------------------------------------------------

PREDICATES = [
    "is happy", "is sad", "speaks French", "paints", "loves me", "is free", "sings", "dances", "laughs", "cries",
    "is afraid", "stays", "leaves", "barks like a dog", "adores the dog", "forgets everything", "is herself again",
    "is miserable when I leave", "follows me everywhere", "tells me I am a genius", "has a life of her own",
]  # fmt: skip
OTHERS = ["Harry", "Calvin", "I", "Scotty", "Susie", "Mabel", "Her mother", "The dog", "Everyone", "My brother", "He", "Mort"]


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(OTHERS), st.sampled_from(PREDICATES), st.sampled_from(["", "never ", "really "]))
def test_a_sentence_whose_subject_is_not_ruby_yields_no_ruby_trait(
    shipped_story: Story, other: str, predicate: str, adverb: str
) -> None:
    assert shipped_story.lexicon is not None
    (sentence,) = read_page(shipped_story.lexicon, shipped_story.characters, f"{other} {adverb}{predicate}.").sentences
    assert sentence.traits == ()


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(["Ruby", "She", "she", "RUBY"]), st.sampled_from(PREDICATES))
def test_every_predicate_takes_for_her(shipped_story: Story, subject: str, predicate: str) -> None:
    assert traits_of(shipped_story, f"{subject} {predicate}.")


WORDS = [*PREDICATES, "Harry", "she", "not", "never", "if", "?", ".", ",", "and", "but", "I wish", '"', "Ruby", "me",
         "when he leaves", "Not anymore.", "She does.", "asdf"]  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_any_arrangement_of_the_readers_words_reads_the_same_every_time(shipped_story: Story, parts: list[str]) -> None:
    assert shipped_story.lexicon is not None
    text = " ".join(parts)
    first = read_page(shipped_story.lexicon, shipped_story.characters, text)
    assert first == read_page(shipped_story.lexicon, shipped_story.characters, text)
    for sentence in first.sentences:
        assert sentence.about_ruby or not sentence.traits


# -- what the player is told ------------------------------------------------------------------------------------------


def test_feedback_speaks_in_the_storys_voice(shipped_story: Story) -> None:
    assert shipped_story.lexicon is not None
    text = "She is no longer sad. She loves me. Harry is sad. I wish she spoke French. Is she happy?"
    lines = page_feedback(read_page(shipped_story.lexicon, shipped_story.characters, text), shipped_story)
    assert lines == (
        "“She is no longer sad.” She will never be sad.",
        "“She loves me.” She loves him.",
        "“Harry is sad.” Not about Ruby: nothing changes.",
        "“I wish she spoke French.” A wish, a hope or a maybe: the page makes nothing true that it only wants.",
        "“Is she happy?” A question changes nothing; the page wants answers.",
    )


def test_a_sentence_the_typewriter_cannot_read_gets_a_hint_from_this_scene(shipped_story: Story) -> None:
    assert shipped_story.lexicon is not None
    scenes = shipped_story.scenes.values()
    scene = next(s for s in scenes if s.typewriter and any(o.wrote for o in s.typewriter.outcomes))
    assert scene.typewriter is not None
    wanted = [test.trait for outcome in scene.typewriter.outcomes for test in outcome.wrote]
    reading = read_page(shipped_story.lexicon, shipped_story.characters, "She has blue eyes.")
    (line,) = page_feedback(reading, shipped_story, scene)
    assert line.startswith("“She has blue eyes.” About Ruby, but the typewriter finds nothing in it to make true.")
    first = shipped_story.lexicon.trait(wanted[0])
    assert first is not None and first.description.lower() in line.lower()
    assert line.count(",") + line.count(" or ") <= 3  # at most three ideas


def test_the_margin_reads_only_finished_sentences(shipped_story: Story) -> None:
    notes = draft_notes(shipped_story, None, "She is happy. Harry is sad. She speaks Fren")
    assert [(n.sentence, n.kind) for n in notes] == [("She is happy.", "takes"), ("Harry is sad.", "nothing")]
    assert notes[0].note == "She is joyful."


def run_page(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "page", *args], capture_output=True, text=True, timeout=60)


def test_page_explain_shows_the_subject_the_frame_and_the_words() -> None:
    result = run_page("--explain", "She loves me. Harry thinks she is sad.")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "subject: Ruby Sparks; it says what is so" in out
    assert "frame: does: love, object: calvin; words: loves me" in out
    assert "subject: Harry Weir-Fields; it reports someone's words or beliefs (asserts nothing)" in out


def test_page_json_keeps_its_contract_and_explain_adds_to_it() -> None:
    plain = json.loads(run_page("--json", "She loves me.").stdout)
    assert plain["sentences"] == [
        {"text": "She loves me.", "about_ruby": True, "traits": [{"id": "loves_calvin", "negated": False, "intensity": 1.0}]}
    ]
    explained: dict[str, Any] = json.loads(run_page("--json", "--explain", "She loves me.").stdout)
    (sentence,) = explained["sentences"]
    assert sentence["subject"] == "Ruby Sparks" and sentence["mood"] == "asserts"
    assert sentence["traits"][0]["frame"] == "does: love, object: calvin"


# -- the lexicon format -----------------------------------------------------------------------------------------------

FRAME_STORY = """
lexicon:
  subject: ana
  narrator: ben
  roles:
    cat: [cat, kitten, tom]
  traits:
    - id: cat_lover
      description: She loves the cat
      frames:
        - does: [love, adore]
          object: cat
    - id: loves_ben
      description: She loves him
      frames:
        - is: [in love]
        - does: [love]
          object: ben
    - id: lonely
      description: She is lonely without him
      is: [lonely]
      when: absence
    - id: weeps
      description: She weeps
      does: [weep]
      implies: [lonely]
"""


def _one_page_story(tmp_path: Path, story_yaml: str, lexicon: str) -> tuple[Story | None, list[str]]:
    """A story of one typewriter scene, with its own characters and lexicon: the loader's problems as "code: message"."""
    (tmp_path / "story.yaml").write_text(story_yaml, encoding="utf-8")
    (tmp_path / "scenes.yaml").write_text(
        "scenes:\n  - id: desk\n    typewriter:\n      prompt: Write.\n      outcomes:\n        - to: done\n"
        "endings:\n  - id: done\n    title: Done\n    text: It is done.\n",
        encoding="utf-8",
    )
    (tmp_path / "lexicon.yaml").write_text(lexicon, encoding="utf-8")
    story, diagnostics = load_story(tmp_path)
    return story, [f"{d.code}: {d.message}" for d in diagnostics.items]


def _frame_story(tmp_path: Path, lexicon: str) -> tuple[Story | None, list[str]]:
    return _one_page_story(
        tmp_path,
        "format: 1\nid: frames\ntitle: Frames\nversion: '1'\nstart: desk\n"
        "characters:\n  ana: {name: Ana, names: [ana], pronoun: she}\n  ben: {name: Ben, names: [ben], pronoun: he}\n",
        lexicon,
    )


def test_an_authors_frames_read_with_their_roles(tmp_path: Path) -> None:
    story, problems = _frame_story(tmp_path, FRAME_STORY)
    assert story is not None, problems
    assert traits_of(story, "Ana adores the kitten.") == {"cat_lover": A}
    assert traits_of(story, "She loves me.") == {"loves_ben": A}
    assert traits_of(story, "Ana is in love with Sam.") == {}
    assert traits_of(story, "She is lonely when Ben leaves.") == {"lonely": A}
    assert traits_of(story, "She is lonely.") == {}
    assert traits_of(story, "She weeps.") == {"weeps": A, "lonely": A}


def test_a_role_of_several_words_counts_by_the_thing_it_names(tmp_path: Path) -> None:
    story, problems = _frame_story(tmp_path, FRAME_STORY.replace("cat: [cat, kitten, tom]", "cat: [the cat, tabby cat]"))
    assert story is not None, problems
    assert traits_of(story, "Ana adores the cat.") == {"cat_lover": A}
    assert traits_of(story, "Ana adores the piano.") == {}  # "the" of "the cat" is no cat
    assert traits_of(story, "Ana adores a tabby.") == {}


def test_frame_mistakes_are_diagnostics(tmp_path: Path) -> None:
    broken = FRAME_STORY.replace("object: cat", "object: dog").replace("when: absence", "when: absense")
    broken = broken.replace("implies: [lonely]", "implies: [lonley]")
    story, problems = _frame_story(tmp_path, broken)
    assert story is None
    assert any(p.startswith("unknown-role: no character or role is called `dog`") for p in problems), problems
    assert any(p.startswith("unknown-cue:") and "did you mean `absence`" in p for p in problems), problems
    assert any(p.startswith("unknown-trait:") and "did you mean `lonely`" in p for p in problems), problems


def test_phrases_with_nothing_to_read_are_diagnostics(tmp_path: Path) -> None:
    broken = FRAME_STORY.replace("is: [lonely]", 'is: [lonely, "not"]').replace(
        "does: [weep]", 'does: [weep]\n      idioms: ["!!!"]'
    )
    broken = broken.replace("implies: [lonely]", "implies: [weeps]")
    story, problems = _frame_story(tmp_path, broken)
    assert story is None
    assert any(p.startswith("empty-phrase: `not` in `is`") for p in problems), problems
    assert any(p.startswith("empty-phrase: `!!!` in `idioms`") for p in problems), problems
    assert "bad-implies: `weeps` implies itself" in problems


def _renamed_story(tmp_path: Path, subject: str, pronoun: str, narrator: str, narrator_pronoun: str = "he") -> Story:
    """The shipped lexicon in a story of other names (and another pronoun): the reader's rules are not Ruby's alone."""
    shipped = (Path(__file__).parent.parent / "scenes" / "lexicon.yaml").read_text(encoding="utf-8")
    lexicon = (
        shipped.replace("subject: ruby", f"subject: {subject}")
        .replace("narrator: calvin", f"narrator: {narrator}")
        .replace("    calvin: [calvin,", f"    {narrator}: [{narrator},")
        .replace("object: calvin", f"object: {narrator}")
    )
    story, problems = _one_page_story(
        tmp_path,
        "format: 1\nid: other\ntitle: Other\nversion: '1'\nstart: desk\n"
        "variables:\n  control: {type: int, default: 0}\n  mood: {type: int, default: 0}\n  trust: {type: int, default: 0}\n"
        f"characters:\n  {subject}: {{name: {subject.title()}, names: [{subject}], pronoun: {pronoun}}}\n"
        f"  {narrator}: {{name: {narrator.title()}, names: [{narrator}], pronoun: {narrator_pronoun}}}\n"
        "  ann: {name: Ann, names: [ann], pronoun: she}\n",
        lexicon,
    )
    assert story is not None, problems
    return story


def test_the_reader_knows_any_storys_names(tmp_path: Path) -> None:
    story = _renamed_story(tmp_path, "zoe", "she", "sam")
    assert traits_of(story, "He makes Zoe happy.") == {"joyful": A}
    assert traits_of(story, "Nothing scares Zoe.") == {"afraid": D}
    assert traits_of(story, "Until Sam comes home she is miserable.") == {"miserable_without_calvin": A}
    assert traits_of(story, "She only has eyes for Sam.") == {"loves_calvin": A}
    assert traits_of(story, "Zoe loves me.") == {"loves_calvin": A}
    assert traits_of(story, "Ann is happy.") == {}


def test_a_subject_who_is_he_is_read_as_she_is(tmp_path: Path) -> None:
    story = _renamed_story(tmp_path, "tom", "he", "sam")
    assert traits_of(story, "He loves me.") == {"loves_calvin": A}
    assert traits_of(story, "He is not afraid.") == {"afraid": D}
    assert traits_of(story, "His heart is light.") == {"joyful": A}
    assert traits_of(story, "She is sad.") == {}
    assert traits_of(story, "Ann says he is sad.") == {}


def test_a_subject_who_is_they_is_read_through_a_typo_of_the_pronoun(tmp_path: Path) -> None:
    story = _renamed_story(tmp_path, "ash", "they", "sam")
    assert traits_of(story, "Tehy are happy.") == {"joyful": A}  # as "Seh is happy." is for a "she"
    assert traits_of(story, "They are happy.") == {"joyful": A}


def test_a_subject_who_is_he_stays_he_after_someone_else_is_named(tmp_path: Path) -> None:
    story = _renamed_story(tmp_path, "tom", "he", "sam")
    assert traits_of(story, "Tom sees a bird. He is afraid.") == {"afraid": A}
    assert traits_of(story, "Tom pets the dog. He is happy.") == {"likes_scotty": A, "joyful": A}


def test_a_narrator_who_is_she_is_her_to_a_subject_who_is_he(tmp_path: Path) -> None:
    story = _renamed_story(tmp_path, "tom", "he", "mia", narrator_pronoun="she")
    assert traits_of(story, "He loves her.") == {"loves_calvin": A}
    assert traits_of(story, "Tom adores her.") == {"loves_calvin": A}
    assert traits_of(story, "He is crazy about her.") == {"loves_calvin": A}
    assert traits_of(story, "He loves her novel.") == {"praises_calvin": A}
    assert traits_of(story, "Ann is sad. He hugs her.") == {}
    assert traits_of(story, "She is sad.") == {}


def test_a_first_format_lexicon_still_reads(mini_story: Story) -> None:
    assert traits_of(mini_story, "Ruby speaks French.") == {"speaks_french": A}
