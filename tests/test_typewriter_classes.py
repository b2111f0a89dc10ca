"""Classes of sentence that held-out writers found the typewriter misreading, each fixed as a class: the sentences here
are new ones of the same shape (the held-out pages themselves are scored in test_typewriter_reading.py), so a test
fails when the rule behind the class breaks, not when one page's wording changes."""

from __future__ import annotations

import pytest

from game.story.model import Story
from tests.test_typewriter_reading import A, traits_of

CLASSES: list[tuple[str, dict[str, bool]]] = [
    # an object after "and" and another verb is that verb's: "my house" is not the one she says goodbye to
    ("She says goodbye and leaves my house.", {"leaves": A}),
    # "can't" rules the bare verb after it, not a verb with a form of its own joined by "and"
    ("She can't eat and paces the hall in tears.", {"cries": A, "sad": A}),
    ("She doesn't sleep and cries all night.", {"cries": A, "sad": A}),
    ("She can't sing or dance.", {"sings": True, "dances": True}),
    # a name after a preposition in someone else's noun phrase is not the subject
    ("The children laugh at Ruby.", {}),
    ("The old Ruby is back.", {"herself": A}),
    # being somewhere else is an absence; being in bed or in love is not
    ("While I'm in Chicago, she is a wreck.", {"miserable_without_calvin": A}),
    ("While I'm in bed, she is a wreck.", {"sad": A}),
    # waiting at the door or window while he is away, and counting the hours, are pining (docs/typewriter.md)
    ("I stay late at work. She waits at the window all evening.", {"miserable_without_calvin": A}),
    ("She counts the days until I come back.", {"miserable_without_calvin": A}),
    ("She waits by the door like a puppy.", {}),
    # what she does when he comes home is what he finds, even when he comes home late
    ("When I get home late, she is crying in the kitchen.", {"cries": A, "sad": A}),
    # colours are not moods; a plan to write is not a page
    ("Her eyes are a deep ocean blue.", {}),
    ("Her eyes are sad.", {"sad": A}),
    ("I keep meaning to write that she paints.", {}),
    # "nobody's fool" is shrewd, not free; "something I created" is what she is no longer
    ("She is nobody's fool.", {}),
    ("She is no longer something I created.", {"free": A}),
    # idioms the lexicon lacked, each with a negation or a second form, so the entry and its scope are both tested
    ("Her mind was wiped clean.", {"forgets": A}),
    ("She finally cracked a smile.", {"joyful": A}),
    ("She has no life outside the house.", {"independent": True}),
    ("She has a life outside the house.", {"independent": A}),
    ("She has a gift with the brush.", {"artist": A}),
    ("She has a gift for Scotty.", {}),
    # "she" after a clause of time whose subject is another woman is that woman; after a man's, it is still Ruby
    ("When Mabel hears the news, she laughs.", {}),
    ("When Harry hears the news, she laughs.", {"laughs": A, "joyful": A}),
    # an idiom that is also a misery said with his absence is the misery only; alone, it keeps its own sense
    ("She is a nervous wreck while I'm at work.", {"miserable_without_calvin": A}),
    ("She is a nervous wreck.", {"afraid": A}),
    ("Whenever I step outside, she weeps.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    # a feeling that goes away is denied, and his feelings are not hers
    ("Her fear slipped away.", {"afraid": True}),
    ("My loneliness fades.", {}),
    # things around her are not her; a door bolted is not a flight; what she follows is the noun after the verb
    ("Her kitchen tiles are blue.", {}),
    ("She bolts the window.", {}),
    ("She bolts out the door.", {"leaves": A}),
    ("She follows the plot of my story.", {}),
    ("She follows me everywhere.", {"clingy": A}),
    # a question typed with no question mark still asks
    ("is ruby happy lol", {}),
    # a bare denial after an aside still takes the sentence before back
    ("She is cheerful. Then, one day, she isn't.", {"joyful": True}),
    # his absence: flying away, standing at the window until he is back, a heart that sinks while he is gone
    ("I flew to Paris. She wept every night.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    ("I go out. She stands by the window until I'm back.", {"miserable_without_calvin": A}),
    ("She stands by the stove.", {}),
    ("Her heart sinks whenever I leave.", {"miserable_without_calvin": A}),
    ("Her heart sinks.", {"sad": A}),
    ("She can't bear the nights without me.", {"miserable_without_calvin": A}),
    # other senses: copies run off a printer
    ("She runs off two copies of the letter.", {}),
    # a feeling that ends, after a time ("By Friday"), with an adverb ("long gone"), or as "all her..."
    ("By Friday her sadness had faded.", {"sad": True}),
    ("Her fear is long gone.", {"afraid": True}),
    ("All her fear melts away.", {"afraid": True}),
    # a capitalised title in a short sentence names something; a page typed in title case still reads
    ("She loves Singin' In The Rain.", {}),
    ("She Loves Me.", {"loves_calvin": A}),
    # spending time somewhere else is an absence
    ("I spent a week in Denver. She wept every night.", {"miserable_without_calvin": A, "cries": A, "sad": A}),
    ("I spent the day with her. She wept.", {"cries": A, "sad": A}),
    ("I stay out late. She paces the floor until I come home.", {"miserable_without_calvin": A}),
    # a negation put first and cut from its verb by an aside still denies it, once
    ("Not once, in all this time, has she painted a picture.", {"artist": True}),
    ("She never once, in all these years, has forgotten my birthday.", {"forgets": True}),
    ("Never, not even once, has she danced.", {"dances": True}),
    ("Not me, but she is happy.", {"joyful": A}),
    # a frame read only when denied (`when: denied`): going out without him, said as what she cannot do
    ("She can't go to the bakery without me.", {"clingy": A}),
    ("She never leaves the house without me.", {"clingy": A}),
    ("She goes to the bakery without me.", {}),
    # a feeling's end said of her smile or her tears; a pet or a district is not her
    ("Her smile is gone.", {"joyful": True}),
    ("Her tears are gone.", {"cries": True}),
    ("Her parrot looks gloomy.", {}),
    ("She lives in the French Quarter.", {}),
    ("Because I am away, she paces the floor.", {"miserable_without_calvin": A}),
    # someone else's writing is a report, even with "his review" between the verb and "that"
    ("Harry writes in his column that she is a painter.", {}),
    # her clothes are not her; being at his dentist's is being away, at his desk is not
    ("Ruby's shoes are blue.", {}),
    ("She mopes while I'm at my dentist's.", {"miserable_without_calvin": A}),
    ("She mopes while I'm at my desk.", {"sad": A}),
    # calling him again and again, counted in times, is clinging (docs/typewriter.md)
    ("She calls me twelve times.", {"clingy": A}),
    # "without" and his name is his absence, not a denial; a mealtime first is a time
    ("Without Calvin she goes to pieces.", {"miserable_without_calvin": A}),
    ("By dinner her fear was gone.", {"afraid": True}),
    # coming home late is a return, said with "and" as with "when": what she does then is what he finds; a cause
    # after an aside still says why
    ("I got back late and she was sobbing on the stairs.", {"cries": A, "sad": A}),
    ("I come in late and find her curled up, miserable, because I was away all week.", {"miserable_without_calvin": A}),
    # a feeling's object may be long, and an adjective may come before the feeling; a quality's noun fades too
    ("Her fear of flying in small planes has faded.", {"afraid": True}),
    ("Her old sadness is gone.", {"sad": True}),
    ("Her gloominess fades.", {"sad": True}),
    ("Her love for me grows cold.", {"loves_calvin": True}),
    # right after her verb a plural is its object; a pronoun object may take "all"
    ("She sweeps leaves off the porch.", {}),
    ("She walks out and leaves us all behind.", {"leaves": A}),
    ("She leaves us all speechless.", {}),
    # what she tells someone else about him praises him; what she says of someone else's thing does not
    ("She tells my brother I'm brilliant.", {"praises_calvin": A}),
    ("She tells me Harry's a genius.", {}),
    ("She tells me Mabel's cake is amazing.", {}),
    # a belief of someone else's, with "'s" for "is"
    ("Mabel's sure she will leave me.", {}),
    # a number in digits counts as the word; an ellipsis after a time still borrows the sentence before
    ("She calls me 30 times a day.", {"clingy": A}),
    ("Harry sings. An hour later, so does she.", {"sings": A}),
    # a gerund that names a kind of thing is not her doing it; a plural right after her verb is its object
    ("She is glowing after singing lessons.", {"joyful": A}),
    ("She trips over her dancing shoes.", {}),
    # clothes are things around her, not her mood
    ("Her raincoat is grey and blue.", {}),
    # a life of her own that she wants, longs for or dreams of is not hers yet; one she has is
    ("She longs for friends of her own.", {}),
    ("She has friends of her own.", {"independent": A}),
    # an except phrase never skips a function word, even a stemmed one ("tears up during" is not "tears up the")
    ("She tears up during the toast.", {"cries": A, "sad": A}),
    # no time or place where she does not: she always does; and where she does, she never does
    ("There isn't an evening when she doesn't paint.", {"artist": A}),
    ("There is no night when she is afraid.", {"afraid": True}),
    ("There is no question that she is an artist.", {"artist": A}),
    # an object pronoun followed by where or how much
    ("She walks out and leaves me there.", {"leaves": A}),
    # next to none of an opposite is the trait: barely eating while he is away is misery
    ("While I'm in Boston she barely sleeps.", {"miserable_without_calvin": A}),
    ("She barely speaks French.", {"speaks_french": A}),
    # people a gerund describes; a feeling that does not last; a feeling with a clause of its own before its end
    ("She hates screaming children.", {}),
    ("Her calm doesn't last.", {"joyful": True}),
    ("The fear she felt all summer has passed.", {"afraid": True}),
    # "when I'm not" after "when I'm home" is his absence; working is not, being at work is
    ("She is calm when I'm around and gloomy when I'm not.", {"joyful": A, "miserable_without_calvin": A}),
    ("While I work, she mopes.", {"sad": A}),
    # a short answer that hedges still answers
    ("Is she afraid? Kind of.", {"afraid": A}),
    # a denial before a list of her verbs rules each of them, the last after "or" too
    ("She no longer paints, sings, or dances.", {"artist": True, "sings": True, "dances": True}),
    # an adjective before a plural thing after a preposition is the thing's
    ("She never cries, even at sad endings.", {"cries": True}),
    # feelings that melt away or cool; a trait's own word after her name is emphasis, not the trait
    ("Her sadness has melted away.", {"sad": True}),
    ("Her love for me had cooled by spring.", {"loves_calvin": True}),
    ("Harry laughs; Ruby herself doesn't smile.", {"joyful": True}),
    # an answer that says how much answers yes
    ("Is she in love with me? Madly.", {"loves_calvin": A}),
    # a day put first, with no comma, is when; "On Sunday she was." is an answer by ellipsis
    ("Tuesday evening she hums in the shower.", {"sings": A}),
    ("She wasn't afraid on Monday. On Tuesday she was.", {"afraid": A}),
    # staying or sleeping somewhere else is his absence; his things are not her mood
    ("I slept at the studio. She waited up for me.", {"miserable_without_calvin": A}),
    ("Her sketches are grey.", {}),
    # idioms: knocking knees, a wonderful time, nothing felt for him, no end of praise
    ("Her knees knock whenever the thunder rolls.", {"afraid": A}),
    ("She had the time of her life at the fair.", {"joyful": A}),
    ("She feels nothing for me anymore.", {"loves_calvin": True}),
    ("She can't say enough good things about me to Harry.", {"praises_calvin": A}),
    # denying `cries` or `laughs` denies only that (docs/typewriter.md)
    ("She doesn't cry.", {"cries": True}),
    ("She stops laughing.", {"laughs": True}),
    # after what she does, a time clause of hers says what else she does then; "when she's gone" is only a time
    ("She hums whenever she paints.", {"sings": A, "artist": A}),
    ("The crowd goes quiet when she dances on the table.", {"dances": A}),
    ("Harry misses her when she's away.", {}),
    # a fact she knows or sees, with a subject of its own, is that subject's; a verb after it goes back to her
    ("She realizes that her sister is terrified.", {}),
    ("She knows Harry is lonely and tired.", {}),
    ("She notices the kitchen is empty and weeps.", {"cries": A, "sad": A}),
    # "?!" asks; a "might" answers nothing; an ellipsis takes the predicate, not the denials the sentence had
    ("Is she sad?!", {}),
    ("She might dance. She might not.", {}),
    ("Harry was lonely because he couldn't sleep. Ruby was not.", {"sad": True}),
    ("She wasn't happy at breakfast. At the beach she was.", {"joyful": A}),
    # a dash sets a clause apart as a comma does
    ("She can't keep still — so she dances.", {"dances": A}),
    # "there wasn't one X she didn't...": every X, with no "when" or "where" between
    ("There wasn't one party she didn't dance at.", {"dances": A}),
    # after a preposition's object, an -ing word is the thing's; an adjective before a colour is the shade's
    ("She was scared by the dogs barking next door.", {"afraid": A}),
    ("Her new sarong was the happiest yellow I had ever seen.", {}),
    ("Free pizza!", {}),
    ("She sticks her head out the door.", {}),
    # "not a little" is more than a little; "not a little bit" is none
    ("Not a little happy, wildly happy.", {"joyful": A}),
    ("She is not a little bit sad.", {"sad": True}),
    # a denial another idiom reads the same words with is still this reading's ("doesn't go" is also staying)
    ("She doesn't go to the park without me.", {"clingy": A}),
    # "nothing could make her...": a denial, as "nothing makes her" is; a feeling's ending is no part of an exception;
    # a feeling's verb with her as object, after any subject ("neither X nor Y frightened her")
    ("Nothing could make her happy.", {"joyful": True}),
    ("Her tears dried up.", {"cries": True}),
    ("Neither the rain nor the thunder frightened her.", {"afraid": True}),
    # idioms from the round's misses, each in a second form or with a denial
    ("She does a slow dance with Scotty.", {"dances": A}),
    ("She doesn't heap compliments on me.", {"praises_calvin": True}),
    ("She got over me.", {"loves_calvin": True}),
    # a place said before her with no comma is only where ("In the blue light she hummed" is no sadness)
    ("In the blue light of the kitchen she hummed.", {"sings": A}),
    # he is away until he is back, whatever is said of the hotel between
    ("I went to Boston for a week. The hotel was awful. She moped the whole time.", {"miserable_without_calvin": A}),
    # "and" with no comma after a clause of his goes on with him
    ("She waltzes with Harry while I sit in the corner and mope.", {"dances": A}),
    # "the few roses left" remain; "down in the garden" is a place; a thing taken out of his hands is no freedom
    ("She looked at the few roses left and smiled.", {"joyful": A}),
    ("She was down in the garden, painting.", {"artist": A}),
    ("She took it out of my hands.", {}),
    ("She draws Harry into the game.", {}),
    # "I told myself that someday I'll...": still a plan; "that sadness" is the feeling just named
    ("I told myself that someday I'll set her free.", {}),
    ("She was sad for weeks. That sadness is gone now.", {"sad": True}),
    # a thing of someone else's slips her mind; a sketch drawn for him is still drawing
    ("Harry's birthday slips her mind.", {"forgets": A}),
    ("She draws me a little sketch of the dog.", {"artist": A}),
    # idioms from b146-b147's misses
    ("She can't keep a straight face.", {"laughs": A, "joyful": A}),
    ("My typewriter has no hold on her now.", {"free": A}),
    ("She tells Harry I'm twice the writer he is.", {"praises_calvin": A}),
    # a causative's object that is someone does the verb; joy that goes out of her ends; her bicycle is a thing;
    # someone's sketches are not hers; "Or dance." after a denial is more of it
    ("Ruby makes the baby giggle.", {}),
    ("All the joy went out of her.", {"joyful": True}),
    ("Her bicycle is chained up outside.", {}),
    ("She loves my mother's sketches.", {}),
    ("She doesn't sing anymore. Or dance.", {"sings": True, "dances": True}),
]


@pytest.mark.parametrize(("text", "expected"), CLASSES, ids=[text for text, _ in CLASSES])
def test_a_class_of_sentence_reads_as_the_contract_says(shipped_story: Story, text: str, expected: dict[str, bool]) -> None:
    assert traits_of(shipped_story, text) == expected
