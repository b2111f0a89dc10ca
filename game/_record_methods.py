"""The methods of the game's record classes, by shape (see game/records.py). Made by
`python scripts/make_record_methods.py`; do not edit: tests/test_records.py fails when this file is stale."""

# ruff: noqa
# mypy: ignore-errors

def _0(_variables, _characters, _acts, _seems, _lexicon, _author, _content_note, _content_hash, _root, _categories, _format):
    def __init__(self, id, title, version, start, scenes, endings, variables=None, characters=None, acts=_acts, seems=_seems, lexicon=_lexicon, author=_author, content_note=_content_note, content_hash=_content_hash, root=_root, categories=_categories, format=_format):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['title'] = title
        __prefab_selfdict['version'] = version
        __prefab_selfdict['start'] = start
        __prefab_selfdict['scenes'] = scenes
        __prefab_selfdict['endings'] = endings
        __prefab_selfdict['variables'] = variables if variables is not None else {}
        __prefab_selfdict['characters'] = characters if characters is not None else {}
        __prefab_selfdict['acts'] = acts
        __prefab_selfdict['seems'] = seems
        __prefab_selfdict['lexicon'] = lexicon
        __prefab_selfdict['author'] = author
        __prefab_selfdict['content_note'] = content_note
        __prefab_selfdict['content_hash'] = content_hash
        __prefab_selfdict['root'] = root
        __prefab_selfdict['categories'] = categories
        __prefab_selfdict['format'] = format
        self.__prefab_post_init__()
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.title == other.title and self.version == other.version and self.start == other.start and self.scenes == other.scenes and self.endings == other.endings and self.variables == other.variables and self.characters == other.characters and self.acts == other.acts and self.seems == other.seems and self.lexicon == other.lexicon and self.author == other.author and self.content_note == other.content_note and self.content_hash == other.content_hash and self.root == other.root and self.categories == other.categories and self.format == other.format) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.title, self.version, self.start, self.scenes, self.endings, self.variables, self.characters, self.acts, self.seems, self.lexicon, self.author, self.content_note, self.content_hash, self.root, self.categories, self.format, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'title': self.title, 'version': self.version, 'start': self.start, 'scenes': self.scenes, 'endings': self.endings, 'variables': self.variables, 'characters': self.characters, 'acts': self.acts, 'seems': self.seems, 'lexicon': self.lexicon, 'author': self.author, 'content_note': self.content_note, 'content_hash': self.content_hash, 'root': self.root, 'categories': self.categories, 'format': self.format} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _1(_act, _scene, _played, _seems, _page):
    def __init__(self, act=_act, scene=_scene, played=_played, seems=_seems, page=_page):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['act'] = act
        __prefab_selfdict['scene'] = scene
        __prefab_selfdict['played'] = played
        __prefab_selfdict['seems'] = seems
        __prefab_selfdict['page'] = page
    def __eq__(self, other):
        if self is other:
            return True
        return (self.act == other.act and self.scene == other.scene and self.played == other.played and self.seems == other.seems and self.page == other.page) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.act, self.scene, self.played, self.seems, self.page, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'act': self.act, 'scene': self.scene, 'played': self.played, 'seems': self.seems, 'page': self.page} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _2():
    def __init__(self, act_id, title):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['act_id'] = act_id
        __prefab_selfdict['title'] = title
    def __eq__(self, other):
        if self is other:
            return True
        return (self.act_id == other.act_id and self.title == other.title) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.act_id, self.title, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'act_id': self.act_id, 'title': self.title} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _3(_best_time, _sum_of_best, _possible_save, _watched):
    def __init__(self, category, rows, elapsed, started, finished, best_time=_best_time, sum_of_best=_sum_of_best, possible_save=_possible_save, watched=_watched):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['category'] = category
        __prefab_selfdict['rows'] = rows
        __prefab_selfdict['elapsed'] = elapsed
        __prefab_selfdict['started'] = started
        __prefab_selfdict['finished'] = finished
        __prefab_selfdict['best_time'] = best_time
        __prefab_selfdict['sum_of_best'] = sum_of_best
        __prefab_selfdict['possible_save'] = possible_save
        __prefab_selfdict['watched'] = watched
    def __eq__(self, other):
        if self is other:
            return True
        return (self.category == other.category and self.rows == other.rows and self.elapsed == other.elapsed and self.started == other.started and self.finished == other.finished and self.best_time == other.best_time and self.sum_of_best == other.sum_of_best and self.possible_save == other.possible_save and self.watched == other.watched) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.category, self.rows, self.elapsed, self.started, self.finished, self.best_time, self.sum_of_best, self.possible_save, self.watched, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'category': self.category, 'rows': self.rows, 'elapsed': self.elapsed, 'started': self.started, 'finished': self.finished, 'best_time': self.best_time, 'sum_of_best': self.sum_of_best, 'possible_save': self.possible_save, 'watched': self.watched} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _4(_otherwise):
    def __init__(self, condition, then, otherwise=_otherwise):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['condition'] = condition
        __prefab_selfdict['then'] = then
        __prefab_selfdict['otherwise'] = otherwise
    def __eq__(self, other):
        if self is other:
            return True
        return (self.condition == other.condition and self.then == other.then and self.otherwise == other.otherwise) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.condition, self.then, self.otherwise, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'condition': self.condition, 'then': self.then, 'otherwise': self.otherwise} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _5(_splits):
    def __init__(self, ending, time, splits=_splits):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['ending'] = ending
        __prefab_selfdict['time'] = time
        __prefab_selfdict['splits'] = splits
    def __eq__(self, other):
        if self is other:
            return True
        return (self.ending == other.ending and self.time == other.time and self.splits == other.splits) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.ending, self.time, self.splits, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'ending': self.ending, 'time': self.time, 'splits': self.splits} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _6(_act_title):
    def __init__(self, ending_id, title, paragraphs, act_title=_act_title):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['ending_id'] = ending_id
        __prefab_selfdict['title'] = title
        __prefab_selfdict['paragraphs'] = paragraphs
        __prefab_selfdict['act_title'] = act_title
    def __eq__(self, other):
        if self is other:
            return True
        return (self.ending_id == other.ending_id and self.title == other.title and self.paragraphs == other.paragraphs and self.act_title == other.act_title) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.ending_id, self.title, self.paragraphs, self.act_title, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'ending_id': self.ending_id, 'title': self.title, 'paragraphs': self.paragraphs, 'act_title': self.act_title} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _7(_events, _notices, _jumped, _earlier):
    def __init__(self, events=_events, notices=_notices, jumped=_jumped, earlier=_earlier):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['events'] = events
        __prefab_selfdict['notices'] = notices
        __prefab_selfdict['jumped'] = jumped
        __prefab_selfdict['earlier'] = earlier
    def __eq__(self, other):
        if self is other:
            return True
        return (self.events == other.events and self.notices == other.notices and self.jumped == other.jumped and self.earlier == other.earlier) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.events, self.notices, self.jumped, self.earlier, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'events': self.events, 'notices': self.notices, 'jumped': self.jumped, 'earlier': self.earlier} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _8():
    def __init__(self, file, line, column, severity, code, message):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['file'] = file
        __prefab_selfdict['line'] = line
        __prefab_selfdict['column'] = column
        __prefab_selfdict['severity'] = severity
        __prefab_selfdict['code'] = code
        __prefab_selfdict['message'] = message
    def __eq__(self, other):
        if self is other:
            return True
        return (self.file == other.file and self.line == other.line and self.column == other.column and self.severity == other.severity and self.code == other.code and self.message == other.message) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.file, self.line, self.column, self.severity, self.code, self.message, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'file': self.file, 'line': self.line, 'column': self.column, 'severity': self.severity, 'code': self.code, 'message': self.message} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _9():
    def __init__(self, id, act, summary, span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['act'] = act
        __prefab_selfdict['summary'] = summary
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.act == other.act and self.summary == other.summary and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.act, self.summary, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'act': self.act, 'summary': self.summary, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _10(_description, _frames, _implies, _phrases, _synonyms, _effects, _negated, _span):
    def __init__(self, id, description=_description, frames=_frames, implies=_implies, phrases=_phrases, synonyms=_synonyms, effects=_effects, negated=_negated, span=_span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['description'] = description
        __prefab_selfdict['frames'] = frames
        __prefab_selfdict['implies'] = implies
        __prefab_selfdict['phrases'] = phrases
        __prefab_selfdict['synonyms'] = synonyms
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['negated'] = negated
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.description == other.description and self.frames == other.frames and self.implies == other.implies and self.phrases == other.phrases and self.synonyms == other.synonyms and self.effects == other.effects and self.negated == other.negated and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.description, self.frames, self.implies, self.phrases, self.synonyms, self.effects, self.negated, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'description': self.description, 'frames': self.frames, 'implies': self.implies, 'phrases': self.phrases, 'synonyms': self.synonyms, 'effects': self.effects, 'negated': self.negated, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _11(_description):
    def __init__(self, id, name, names, pronoun, description=_description):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['name'] = name
        __prefab_selfdict['names'] = names
        __prefab_selfdict['pronoun'] = pronoun
        __prefab_selfdict['description'] = description
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.name == other.name and self.names == other.names and self.pronoun == other.pronoun and self.description == other.description) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.name, self.names, self.pronoun, self.description, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'name': self.name, 'names': self.names, 'pronoun': self.pronoun, 'description': self.description} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _12(_negated, _intensity, _words, _frame):
    def __init__(self, id, negated=_negated, intensity=_intensity, words=_words, frame=_frame):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['negated'] = negated
        __prefab_selfdict['intensity'] = intensity
        __prefab_selfdict['words'] = words
        __prefab_selfdict['frame'] = frame
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.negated == other.negated and self.intensity == other.intensity) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.negated, self.intensity, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'negated': self.negated, 'intensity': self.intensity, 'words': self.words, 'frame': self.frame} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _13():
    def __init__(self, id, title):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['title'] = title
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.title == other.title) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.title, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'title': self.title} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _14(_span, _hint):
    def __init__(self, id, title, text, span=_span, hint=_hint):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['title'] = title
        __prefab_selfdict['text'] = text
        __prefab_selfdict['span'] = span
        __prefab_selfdict['hint'] = hint
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.title == other.title and self.text == other.text and self.span == other.span and self.hint == other.hint) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.title, self.text, self.span, self.hint, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'title': self.title, 'text': self.text, 'span': self.span, 'hint': self.hint} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _15(_title, _beat, _act, _text, _effects, _choices, _typewriter, _span, _fallbacks, _next, _call, _counter):
    def __init__(self, id, title=_title, beat=_beat, act=_act, text=_text, effects=_effects, choices=_choices, typewriter=_typewriter, span=_span, fallbacks=_fallbacks, next=_next, call=_call, counter=_counter):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['id'] = id
        __prefab_selfdict['title'] = title
        __prefab_selfdict['beat'] = beat
        __prefab_selfdict['act'] = act
        __prefab_selfdict['text'] = text
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['choices'] = choices
        __prefab_selfdict['typewriter'] = typewriter
        __prefab_selfdict['span'] = span
        __prefab_selfdict['fallbacks'] = fallbacks
        __prefab_selfdict['next'] = next
        __prefab_selfdict['call'] = call
        __prefab_selfdict['counter'] = counter
    def __eq__(self, other):
        if self is other:
            return True
        return (self.id == other.id and self.title == other.title and self.beat == other.beat and self.act == other.act and self.text == other.text and self.effects == other.effects and self.choices == other.choices and self.typewriter == other.typewriter and self.span == other.span and self.fallbacks == other.fallbacks and self.next == other.next and self.call == other.call and self.counter == other.counter) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.id, self.title, self.beat, self.act, self.text, self.effects, self.choices, self.typewriter, self.span, self.fallbacks, self.next, self.call, self.counter, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'id': self.id, 'title': self.title, 'beat': self.beat, 'act': self.act, 'text': self.text, 'effects': self.effects, 'choices': self.choices, 'typewriter': self.typewriter, 'span': self.span, 'fallbacks': self.fallbacks, 'next': self.next, 'call': self.call, 'counter': self.counter} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _16(_is_, _does, _feels, _idioms, _object, _when, _with_, _opposite, _except_, _objects):
    def __init__(self, is_=_is_, does=_does, feels=_feels, idioms=_idioms, object=_object, when=_when, with_=_with_, opposite=_opposite, except_=_except_, objects=_objects):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['is_'] = is_
        __prefab_selfdict['does'] = does
        __prefab_selfdict['feels'] = feels
        __prefab_selfdict['idioms'] = idioms
        __prefab_selfdict['object'] = object
        __prefab_selfdict['when'] = when
        __prefab_selfdict['with_'] = with_
        __prefab_selfdict['opposite'] = opposite
        __prefab_selfdict['except_'] = except_
        __prefab_selfdict['objects'] = objects
    def __eq__(self, other):
        if self is other:
            return True
        return (self.is_ == other.is_ and self.does == other.does and self.feels == other.feels and self.idioms == other.idioms and self.object == other.object and self.when == other.when and self.with_ == other.with_ and self.opposite == other.opposite and self.except_ == other.except_ and self.objects == other.objects) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.is_, self.does, self.feels, self.idioms, self.object, self.when, self.with_, self.opposite, self.except_, self.objects, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'is_': self.is_, 'does': self.does, 'feels': self.feels, 'idioms': self.idioms, 'object': self.object, 'when': self.when, 'with_': self.with_, 'opposite': self.opposite, 'except_': self.except_, 'objects': self.objects} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _17():
    def __init__(self, kind, key, options):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['key'] = key
        __prefab_selfdict['options'] = options
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kind == other.kind and self.key == other.key and self.options == other.options) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.kind, self.key, self.options, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'kind': self.kind, 'key': self.key, 'options': self.options} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _18(_seed, _where, _proven):
    def __init__(self, kind, message, inputs, seed=_seed, where=_where, proven=_proven):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['message'] = message
        __prefab_selfdict['inputs'] = inputs
        __prefab_selfdict['seed'] = seed
        __prefab_selfdict['where'] = where
        __prefab_selfdict['proven'] = proven
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kind == other.kind and self.message == other.message and self.inputs == other.inputs and self.seed == other.seed and self.where == other.where and self.proven == other.proven) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.kind, self.message, self.inputs, self.seed, self.where, self.proven, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'kind': self.kind, 'message': self.message, 'inputs': self.inputs, 'seed': self.seed, 'where': self.where, 'proven': self.proven} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _19():
    def __init__(self, kind, message, seed, step, inputs):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['message'] = message
        __prefab_selfdict['seed'] = seed
        __prefab_selfdict['step'] = step
        __prefab_selfdict['inputs'] = inputs
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kind == other.kind and self.message == other.message and self.seed == other.seed and self.step == other.step and self.inputs == other.inputs) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.kind, self.message, self.seed, self.step, self.inputs, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'kind': self.kind, 'message': self.message, 'seed': self.seed, 'step': self.step, 'inputs': self.inputs} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _20(_definition):
    def __init__(self, kind, name, place, definition=_definition):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['name'] = name
        __prefab_selfdict['place'] = place
        __prefab_selfdict['definition'] = definition
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kind == other.kind and self.name == other.name and self.place == other.place and self.definition == other.definition) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.kind, self.name, self.place, self.definition, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'kind': self.kind, 'name': self.name, 'place': self.place, 'definition': self.definition} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _21():
    def __init__(self, kind, text, column):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['text'] = text
        __prefab_selfdict['column'] = column
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kind == other.kind and self.text == other.text and self.column == other.column) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.kind, self.text, self.column, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'kind': self.kind, 'text': self.text, 'column': self.column} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _22(_condition, _effects, _text, _span, _call, _counter, _once):
    def __init__(self, label, target, condition=_condition, effects=_effects, text=_text, span=_span, call=_call, counter=_counter, once=_once):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['label'] = label
        __prefab_selfdict['target'] = target
        __prefab_selfdict['condition'] = condition
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['text'] = text
        __prefab_selfdict['span'] = span
        __prefab_selfdict['call'] = call
        __prefab_selfdict['counter'] = counter
        __prefab_selfdict['once'] = once
    def __eq__(self, other):
        if self is other:
            return True
        return (self.label == other.label and self.target == other.target and self.condition == other.condition and self.effects == other.effects and self.text == other.text and self.span == other.span and self.call == other.call and self.counter == other.counter and self.once == other.once) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.label, self.target, self.condition, self.effects, self.text, self.span, self.call, self.counter, self.once, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'label': self.label, 'target': self.target, 'condition': self.condition, 'effects': self.effects, 'text': self.text, 'span': self.span, 'call': self.call, 'counter': self.counter, 'once': self.once} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _23():
    def __init__(self, labels):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['labels'] = labels
    def __eq__(self, other):
        if self is other:
            return True
        return (self.labels == other.labels) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.labels, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'labels': self.labels} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _24(_span):
    def __init__(self, message, context, span=_span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['message'] = message
        __prefab_selfdict['context'] = context
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.message == other.message and self.context == other.context and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.message, self.context, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'message': self.message, 'context': self.context, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _25():
    def __init__(self, name):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _26():
    def __init__(self, name, column):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['column'] = column
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.column == other.column) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.column, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'column': self.column} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _27(_finish, _description, _seed, _paste):
    def __init__(self, name, endings, finish=_finish, description=_description, seed=_seed, paste=_paste):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['endings'] = endings
        __prefab_selfdict['finish'] = finish
        __prefab_selfdict['description'] = description
        __prefab_selfdict['seed'] = seed
        __prefab_selfdict['paste'] = paste
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.endings == other.endings and self.finish == other.finish and self.description == other.description and self.seed == other.seed and self.paste == other.paste) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.endings, self.finish, self.description, self.seed, self.paste, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'endings': self.endings, 'finish': self.finish, 'description': self.description, 'seed': self.seed, 'paste': self.paste} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _28(_required, _item):
    def __init__(self, name, kind, doc, required=_required, item=_item):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['doc'] = doc
        __prefab_selfdict['required'] = required
        __prefab_selfdict['item'] = item
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.kind == other.kind and self.doc == other.doc and self.required == other.required and self.item == other.item) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.kind, self.doc, self.required, self.item, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'kind': self.kind, 'doc': self.doc, 'required': self.required, 'item': self.item} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _29(_problem, _summary):
    def __init__(self, name, path, saved_at, scene_title, problem=_problem, summary=None):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['path'] = path
        __prefab_selfdict['saved_at'] = saved_at
        __prefab_selfdict['scene_title'] = scene_title
        __prefab_selfdict['problem'] = problem
        __prefab_selfdict['summary'] = summary if summary is not None else _summary()
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.path == other.path and self.saved_at == other.saved_at and self.scene_title == other.scene_title and self.problem == other.problem and self.summary == other.summary) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.path, self.saved_at, self.scene_title, self.problem, self.summary, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'path': self.path, 'saved_at': self.saved_at, 'scene_title': self.scene_title, 'problem': self.problem, 'summary': self.summary} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _30():
    def __init__(self, name, seems, pages, traits, control):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['seems'] = seems
        __prefab_selfdict['pages'] = pages
        __prefab_selfdict['traits'] = traits
        __prefab_selfdict['control'] = control
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.seems == other.seems and self.pages == other.pages and self.traits == other.traits and self.control == other.control) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.seems, self.pages, self.traits, self.control, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'seems': self.seems, 'pages': self.pages, 'traits': self.traits, 'control': self.control} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _31():
    def __init__(self, name, t):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['t'] = t
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.t == other.t) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.t, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 't': self.t} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _32(_pb, _time, _delta, _mark, _current, _ghost):
    def __init__(self, name, title, pb=_pb, time=_time, delta=_delta, mark=_mark, current=_current, ghost=_ghost):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['title'] = title
        __prefab_selfdict['pb'] = pb
        __prefab_selfdict['time'] = time
        __prefab_selfdict['delta'] = delta
        __prefab_selfdict['mark'] = mark
        __prefab_selfdict['current'] = current
        __prefab_selfdict['ghost'] = ghost
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.title == other.title and self.pb == other.pb and self.time == other.time and self.delta == other.delta and self.mark == other.mark and self.current == other.current and self.ghost == other.ghost) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.title, self.pb, self.time, self.delta, self.mark, self.current, self.ghost, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'title': self.title, 'pb': self.pb, 'time': self.time, 'delta': self.delta, 'mark': self.mark, 'current': self.current, 'ghost': self.ghost} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _33(_minimum, _maximum, _values, _description, _span):
    def __init__(self, name, type, default, minimum=_minimum, maximum=_maximum, values=_values, description=_description, span=_span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['name'] = name
        __prefab_selfdict['type'] = type
        __prefab_selfdict['default'] = default
        __prefab_selfdict['minimum'] = minimum
        __prefab_selfdict['maximum'] = maximum
        __prefab_selfdict['values'] = values
        __prefab_selfdict['description'] = description
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.name == other.name and self.type == other.type and self.default == other.default and self.minimum == other.minimum and self.maximum == other.maximum and self.values == other.values and self.description == other.description and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.name, self.type, self.default, self.minimum, self.maximum, self.values, self.description, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'name': self.name, 'type': self.type, 'default': self.default, 'minimum': self.minimum, 'maximum': self.maximum, 'values': self.values, 'description': self.description, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _34():
    def __init__(self, number):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['number'] = number
    def __eq__(self, other):
        if self is other:
            return True
        return (self.number == other.number) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.number, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'number': self.number} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _35():
    def __init__(self, number, scene_title, text):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['number'] = number
        __prefab_selfdict['scene_title'] = scene_title
        __prefab_selfdict['text'] = text
    def __eq__(self, other):
        if self is other:
            return True
        return (self.number == other.number and self.scene_title == other.scene_title and self.text == other.text) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.number, self.scene_title, self.text, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'number': self.number, 'scene_title': self.scene_title, 'text': self.text} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _36():
    def __init__(self, op, left, right, column):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['op'] = op
        __prefab_selfdict['left'] = left
        __prefab_selfdict['right'] = right
        __prefab_selfdict['column'] = column
    def __eq__(self, other):
        if self is other:
            return True
        return (self.op == other.op and self.left == other.left and self.right == other.right and self.column == other.column) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.op, self.left, self.right, self.column, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'op': self.op, 'left': self.left, 'right': self.right, 'column': self.column} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _37():
    def __init__(self, op, operand):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['op'] = op
        __prefab_selfdict['operand'] = operand
    def __eq__(self, other):
        if self is other:
            return True
        return (self.op == other.op and self.operand == other.operand) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.op, self.operand, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'op': self.op, 'operand': self.operand} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _38():
    def __init__(self, paragraphs):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['paragraphs'] = paragraphs
    def __eq__(self, other):
        if self is other:
            return True
        return (self.paragraphs == other.paragraphs) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.paragraphs, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'paragraphs': self.paragraphs} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _39():
    def __init__(self, path, line, start, end):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['path'] = path
        __prefab_selfdict['line'] = line
        __prefab_selfdict['start'] = start
        __prefab_selfdict['end'] = end
    def __eq__(self, other):
        if self is other:
            return True
        return (self.path == other.path and self.line == other.line and self.start == other.start and self.end == other.end) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.path, self.line, self.start, self.end, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'path': self.path, 'line': self.line, 'start': self.start, 'end': self.end} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _40():
    def __init__(self, prompt):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['prompt'] = prompt
    def __eq__(self, other):
        if self is other:
            return True
        return (self.prompt == other.prompt) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.prompt, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'prompt': self.prompt} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _41():
    def __init__(self, prompt, outcomes):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['prompt'] = prompt
        __prefab_selfdict['outcomes'] = outcomes
    def __eq__(self, other):
        if self is other:
            return True
        return (self.prompt == other.prompt and self.outcomes == other.outcomes) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.prompt, self.outcomes, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'prompt': self.prompt, 'outcomes': self.outcomes} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _42(_subjects, _about, _moods):
    def __init__(self, reading, effects, lines, subjects=None, about=_about, moods=_moods):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['reading'] = reading
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['lines'] = lines
        __prefab_selfdict['subjects'] = subjects if subjects is not None else {}
        __prefab_selfdict['about'] = about
        __prefab_selfdict['moods'] = moods
    def __eq__(self, other):
        if self is other:
            return True
        return (self.reading == other.reading and self.effects == other.effects and self.lines == other.lines and self.subjects == other.subjects and self.about == other.about and self.moods == other.moods) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.reading, self.effects, self.lines, self.subjects, self.about, self.moods, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'reading': self.reading, 'effects': self.effects, 'lines': self.lines, 'subjects': self.subjects, 'about': self.about, 'moods': self.moods} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _43(_outcome):
    def __init__(self, reading, lines, effects, outcome=_outcome):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['reading'] = reading
        __prefab_selfdict['lines'] = lines
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['outcome'] = outcome
    def __eq__(self, other):
        if self is other:
            return True
        return (self.reading == other.reading and self.lines == other.lines and self.effects == other.effects and self.outcome == other.outcome) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.reading, self.lines, self.effects, self.outcome, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'reading': self.reading, 'lines': self.lines, 'effects': self.effects, 'outcome': self.outcome} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _44():
    def __init__(self, reason):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['reason'] = reason
    def __eq__(self, other):
        if self is other:
            return True
        return (self.reason == other.reason) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.reason, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'reason': self.reason} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _45(_action, _after, _page, _reading, _written):
    def __init__(self, scene, title, paragraphs, action=_action, after=_after, page=_page, reading=_reading, written=_written):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['scene'] = scene
        __prefab_selfdict['title'] = title
        __prefab_selfdict['paragraphs'] = paragraphs
        __prefab_selfdict['action'] = action
        __prefab_selfdict['after'] = after
        __prefab_selfdict['page'] = page
        __prefab_selfdict['reading'] = reading
        __prefab_selfdict['written'] = written
    def __eq__(self, other):
        if self is other:
            return True
        return (self.scene == other.scene and self.title == other.title and self.paragraphs == other.paragraphs and self.action == other.action and self.after == other.after and self.page == other.page and self.reading == other.reading and self.written == other.written) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.scene, self.title, self.paragraphs, self.action, self.after, self.page, self.reading, self.written, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'scene': self.scene, 'title': self.title, 'paragraphs': self.paragraphs, 'action': self.action, 'after': self.after, 'page': self.page, 'reading': self.reading, 'written': self.written} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _46(_rng_counter, _turn, _act, _ending, _page_about_ruby, _history, _counts, _stack, _names, _offered):
    def __init__(self, scene, variables, traits, seed, rng_counter=_rng_counter, turn=_turn, act=_act, ending=_ending, page_about_ruby=_page_about_ruby, history=None, counts=None, stack=_stack):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['scene'] = scene
        __prefab_selfdict['variables'] = variables
        __prefab_selfdict['traits'] = traits
        __prefab_selfdict['seed'] = seed
        __prefab_selfdict['rng_counter'] = rng_counter
        __prefab_selfdict['turn'] = turn
        __prefab_selfdict['act'] = act
        __prefab_selfdict['ending'] = ending
        __prefab_selfdict['page_about_ruby'] = page_about_ruby
        __prefab_selfdict['history'] = history if history is not None else _history()
        __prefab_selfdict['counts'] = counts if counts is not None else {}
        __prefab_selfdict['stack'] = stack
        __prefab_selfdict['names'] = _names
        __prefab_selfdict['offered'] = _offered
    def __eq__(self, other):
        if self is other:
            return True
        return (self.scene == other.scene and self.variables == other.variables and self.traits == other.traits and self.seed == other.seed and self.rng_counter == other.rng_counter and self.turn == other.turn and self.act == other.act and self.ending == other.ending and self.page_about_ruby == other.page_about_ruby and self.history == other.history and self.counts == other.counts and self.stack == other.stack) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.scene, self.variables, self.traits, self.seed, self.rng_counter, self.turn, self.act, self.ending, self.page_about_ruby, self.history, self.counts, self.stack, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'scene': self.scene, 'variables': self.variables, 'traits': self.traits, 'seed': self.seed, 'rng_counter': self.rng_counter, 'turn': self.turn, 'act': self.act, 'ending': self.ending, 'page_about_ruby': self.page_about_ruby, 'history': self.history, 'counts': self.counts, 'stack': self.stack} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _47():
    def __init__(self, scene_id, title, act_title, paragraphs, status):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['scene_id'] = scene_id
        __prefab_selfdict['title'] = title
        __prefab_selfdict['act_title'] = act_title
        __prefab_selfdict['paragraphs'] = paragraphs
        __prefab_selfdict['status'] = status
    def __eq__(self, other):
        if self is other:
            return True
        return (self.scene_id == other.scene_id and self.title == other.title and self.act_title == other.act_title and self.paragraphs == other.paragraphs and self.status == other.status) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.scene_id, self.title, self.act_title, self.paragraphs, self.status, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'scene_id': self.scene_id, 'title': self.title, 'act_title': self.act_title, 'paragraphs': self.paragraphs, 'status': self.status} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _48(_outcomes):
    def __init__(self, scenes, choices, endings, runs, outcomes=_outcomes):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['scenes'] = scenes
        __prefab_selfdict['choices'] = choices
        __prefab_selfdict['endings'] = endings
        __prefab_selfdict['runs'] = runs
        __prefab_selfdict['outcomes'] = outcomes
    def __eq__(self, other):
        if self is other:
            return True
        return (self.scenes == other.scenes and self.choices == other.choices and self.endings == other.endings and self.runs == other.runs and self.outcomes == other.outcomes) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.scenes, self.choices, self.endings, self.runs, self.outcomes, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'scenes': self.scenes, 'choices': self.choices, 'endings': self.endings, 'runs': self.runs, 'outcomes': self.outcomes} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _49():
    def __init__(self, sentence, note, kind):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['sentence'] = sentence
        __prefab_selfdict['note'] = note
        __prefab_selfdict['kind'] = kind
    def __eq__(self, other):
        if self is other:
            return True
        return (self.sentence == other.sentence and self.note == other.note and self.kind == other.kind) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.sentence, self.note, self.kind, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'sentence': self.sentence, 'note': self.note, 'kind': self.kind} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _50(_truncated):
    def __init__(self, sentences, truncated=_truncated):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['sentences'] = sentences
        __prefab_selfdict['truncated'] = truncated
    def __eq__(self, other):
        if self is other:
            return True
        return (self.sentences == other.sentences and self.truncated == other.truncated) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.sentences, self.truncated, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'sentences': self.sentences, 'truncated': self.truncated} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _51(_span):
    def __init__(self, source, assignment, span=_span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['source'] = source
        __prefab_selfdict['assignment'] = assignment
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.source == other.source and self.assignment == other.assignment and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.source, self.assignment, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'source': self.source, 'assignment': self.assignment, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _52(_span):
    def __init__(self, source, expr, span=_span):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['source'] = source
        __prefab_selfdict['expr'] = expr
        __prefab_selfdict['span'] = span
    def __eq__(self, other):
        if self is other:
            return True
        return (self.source == other.source and self.expr == other.expr and self.span == other.span) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.source, self.expr, self.span, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'source': self.source, 'expr': self.expr, 'span': self.span} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _53(_span, _pieces):
    def __init__(self, source, parts, span=_span, pieces=_pieces):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['source'] = source
        __prefab_selfdict['parts'] = parts
        __prefab_selfdict['span'] = span
        __prefab_selfdict['pieces'] = pieces
    def __eq__(self, other):
        if self is other:
            return True
        return (self.source == other.source and self.parts == other.parts and self.span == other.span and self.pieces == other.pieces) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.source, self.parts, self.span, self.pieces, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'source': self.source, 'parts': self.parts, 'span': self.span, 'pieces': self.pieces} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _54():
    def __init__(self, source, where, value):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['source'] = source
        __prefab_selfdict['where'] = where
        __prefab_selfdict['value'] = value
    def __eq__(self, other):
        if self is other:
            return True
        return (self.source == other.source and self.where == other.where and self.value == other.value) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.source, self.where, self.value, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'source': self.source, 'where': self.where, 'value': self.value} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _55(_new, _gone, _reset, _traits_new, _traits_gone, _returns_gone):
    def __init__(self, state, new=_new, gone=_gone, reset=_reset, traits_new=_traits_new, traits_gone=_traits_gone, returns_gone=_returns_gone):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['state'] = state
        __prefab_selfdict['new'] = new
        __prefab_selfdict['gone'] = gone
        __prefab_selfdict['reset'] = reset
        __prefab_selfdict['traits_new'] = traits_new
        __prefab_selfdict['traits_gone'] = traits_gone
        __prefab_selfdict['returns_gone'] = returns_gone
    def __eq__(self, other):
        if self is other:
            return True
        return (self.state == other.state and self.new == other.new and self.gone == other.gone and self.reset == other.reset and self.traits_new == other.traits_new and self.traits_gone == other.traits_gone and self.returns_gone == other.returns_gone) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.state, self.new, self.gone, self.reset, self.traits_new, self.traits_gone, self.returns_gone, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'state': self.state, 'new': self.new, 'gone': self.gone, 'reset': self.reset, 'traits_new': self.traits_new, 'traits_gone': self.traits_gone, 'returns_gone': self.returns_gone} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _56(_note):
    def __init__(self, state, note=_note):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['state'] = state
        __prefab_selfdict['note'] = note
    def __eq__(self, other):
        if self is other:
            return True
        return (self.state == other.state and self.note == other.note) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.state, self.note, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'state': self.state, 'note': self.note} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _57(_constant, _stopped, _findings, _scene_counts, _choice_counts, _outcome_counts, _random_runs):
    def __init__(self, states, complete, paths, scenes, constant=_constant, stopped=_stopped, findings=_findings, scene_counts=None, choice_counts=None, outcome_counts=None, random_runs=_random_runs):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['states'] = states
        __prefab_selfdict['complete'] = complete
        __prefab_selfdict['paths'] = paths
        __prefab_selfdict['scenes'] = scenes
        __prefab_selfdict['constant'] = constant
        __prefab_selfdict['stopped'] = stopped
        __prefab_selfdict['findings'] = findings
        __prefab_selfdict['scene_counts'] = scene_counts if scene_counts is not None else {}
        __prefab_selfdict['choice_counts'] = choice_counts if choice_counts is not None else {}
        __prefab_selfdict['outcome_counts'] = outcome_counts if outcome_counts is not None else {}
        __prefab_selfdict['random_runs'] = random_runs
    def __eq__(self, other):
        if self is other:
            return True
        return (self.states == other.states and self.complete == other.complete and self.paths == other.paths and self.scenes == other.scenes and self.constant == other.constant and self.stopped == other.stopped and self.findings == other.findings and self.scene_counts == other.scene_counts and self.choice_counts == other.choice_counts and self.outcome_counts == other.outcome_counts and self.random_runs == other.random_runs) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.states, self.complete, self.paths, self.scenes, self.constant, self.stopped, self.findings, self.scene_counts, self.choice_counts, self.outcome_counts, self.random_runs, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'states': self.states, 'complete': self.complete, 'paths': self.paths, 'scenes': self.scenes, 'constant': self.constant, 'stopped': self.stopped, 'findings': self.findings, 'scene_counts': self.scene_counts, 'choice_counts': self.choice_counts, 'outcome_counts': self.outcome_counts, 'random_runs': self.random_runs} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _58():
    def __init__(self, step, reason, rule):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['step'] = step
        __prefab_selfdict['reason'] = reason
        __prefab_selfdict['rule'] = rule
    def __eq__(self, other):
        if self is other:
            return True
        return (self.step == other.step and self.reason == other.reason and self.rule == other.rule) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.step, self.reason, self.rule, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'step': self.step, 'reason': self.reason, 'rule': self.rule} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _59(_errors):
    def __init__(self, story, state, message, errors=_errors):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['story'] = story
        __prefab_selfdict['state'] = state
        __prefab_selfdict['message'] = message
        __prefab_selfdict['errors'] = errors
    def __eq__(self, other):
        if self is other:
            return True
        return (self.story == other.story and self.state == other.state and self.message == other.message and self.errors == other.errors) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.story, self.state, self.message, self.errors, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'story': self.story, 'state': self.state, 'message': self.message, 'errors': self.errors} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _60(_engine_version, _version, _speedrun, _extra):
    def __init__(self, story_id, story_hash, seed, category, inputs, result, engine_version=_engine_version, version=_version, speedrun=_speedrun, extra=None):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['story_id'] = story_id
        __prefab_selfdict['story_hash'] = story_hash
        __prefab_selfdict['seed'] = seed
        __prefab_selfdict['category'] = category
        __prefab_selfdict['inputs'] = inputs
        __prefab_selfdict['result'] = result
        __prefab_selfdict['engine_version'] = engine_version
        __prefab_selfdict['version'] = version
        __prefab_selfdict['speedrun'] = speedrun
        __prefab_selfdict['extra'] = extra if extra is not None else {}
    def __eq__(self, other):
        if self is other:
            return True
        return (self.story_id == other.story_id and self.story_hash == other.story_hash and self.seed == other.seed and self.category == other.category and self.inputs == other.inputs and self.result == other.result and self.engine_version == other.engine_version and self.version == other.version and self.speedrun == other.speedrun and self.extra == other.extra) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.story_id, self.story_hash, self.seed, self.category, self.inputs, self.result, self.engine_version, self.version, self.speedrun, self.extra, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'story_id': self.story_id, 'story_hash': self.story_hash, 'seed': self.seed, 'category': self.category, 'inputs': self.inputs, 'result': self.result, 'engine_version': self.engine_version, 'version': self.version, 'speedrun': self.speedrun, 'extra': self.extra} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _61(_on_page, _narrator, _roles, _wordnet):
    def __init__(self, subject, traits, on_page=_on_page, narrator=_narrator, roles=_roles, wordnet=_wordnet):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['subject'] = subject
        __prefab_selfdict['traits'] = traits
        __prefab_selfdict['on_page'] = on_page
        __prefab_selfdict['narrator'] = narrator
        __prefab_selfdict['roles'] = roles
        __prefab_selfdict['wordnet'] = wordnet
    def __eq__(self, other):
        if self is other:
            return True
        return (self.subject == other.subject and self.traits == other.traits and self.on_page == other.on_page and self.narrator == other.narrator and self.roles == other.roles and self.wordnet == other.wordnet) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.subject, self.traits, self.on_page, self.narrator, self.roles, self.wordnet, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'subject': self.subject, 'traits': self.traits, 'on_page': self.on_page, 'narrator': self.narrator, 'roles': self.roles, 'wordnet': self.wordnet} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _62(_value, _pasted):
    def __init__(self, t, kind, value=_value, pasted=_pasted):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['t'] = t
        __prefab_selfdict['kind'] = kind
        __prefab_selfdict['value'] = value
        __prefab_selfdict['pasted'] = pasted
    def __eq__(self, other):
        if self is other:
            return True
        return (self.t == other.t and self.kind == other.kind and self.value == other.value and self.pasted == other.pasted) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.t, self.kind, self.value, self.pasted, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'t': self.t, 'kind': self.kind, 'value': self.value, 'pasted': self.pasted} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _63(_choice):
    def __init__(self, target, label, choice=_choice):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['target'] = target
        __prefab_selfdict['label'] = label
        __prefab_selfdict['choice'] = choice
    def __eq__(self, other):
        if self is other:
            return True
        return (self.target == other.target and self.label == other.label and self.choice == other.choice) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.target, self.label, self.choice, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'target': self.target, 'label': self.label, 'choice': self.choice} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _64():
    def __init__(self, target, op, value):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['target'] = target
        __prefab_selfdict['op'] = op
        __prefab_selfdict['value'] = value
    def __eq__(self, other):
        if self is other:
            return True
        return (self.target == other.target and self.op == other.op and self.value == other.value) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.target, self.op, self.value, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'target': self.target, 'op': self.op, 'value': self.value} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _65(_wrote, _about_ruby, _condition, _text, _effects, _span, _call):
    def __init__(self, target, wrote=_wrote, about_ruby=_about_ruby, condition=_condition, text=_text, effects=_effects, span=_span, call=_call):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['target'] = target
        __prefab_selfdict['wrote'] = wrote
        __prefab_selfdict['about_ruby'] = about_ruby
        __prefab_selfdict['condition'] = condition
        __prefab_selfdict['text'] = text
        __prefab_selfdict['effects'] = effects
        __prefab_selfdict['span'] = span
        __prefab_selfdict['call'] = call
    def __eq__(self, other):
        if self is other:
            return True
        return (self.target == other.target and self.wrote == other.wrote and self.about_ruby == other.about_ruby and self.condition == other.condition and self.text == other.text and self.effects == other.effects and self.span == other.span and self.call == other.call) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.target, self.wrote, self.about_ruby, self.condition, self.text, self.effects, self.span, self.call, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'target': self.target, 'wrote': self.wrote, 'about_ruby': self.about_ruby, 'condition': self.condition, 'text': self.text, 'effects': self.effects, 'span': self.span, 'call': self.call} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _66(_traits, _subject, _mood):
    def __init__(self, text, about_ruby, traits=_traits, subject=_subject, mood=_mood):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['text'] = text
        __prefab_selfdict['about_ruby'] = about_ruby
        __prefab_selfdict['traits'] = traits
        __prefab_selfdict['subject'] = subject
        __prefab_selfdict['mood'] = mood
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text == other.text and self.about_ruby == other.about_ruby and self.traits == other.traits) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.text, self.about_ruby, self.traits, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'text': self.text, 'about_ruby': self.about_ruby, 'traits': self.traits, 'subject': self.subject, 'mood': self.mood} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _67(_condition):
    def __init__(self, text, condition=_condition):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['text'] = text
        __prefab_selfdict['condition'] = condition
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text == other.text and self.condition == other.condition) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.text, self.condition, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'text': self.text, 'condition': self.condition} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _68(_kind):
    def __init__(self, text, kind=_kind):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['text'] = text
        __prefab_selfdict['kind'] = kind
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text == other.text and self.kind == other.kind) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.text, self.kind, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'text': self.text, 'kind': self.kind} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _69(_pasted):
    def __init__(self, text, pasted=_pasted):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['text'] = text
        __prefab_selfdict['pasted'] = pasted
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text == other.text and self.pasted == other.pasted) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.text, self.pasted, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'text': self.text, 'pasted': self.pasted} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _70(_text_speed, _theme):
    def __init__(self, text_speed=_text_speed, theme=_theme):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['text_speed'] = text_speed
        __prefab_selfdict['theme'] = theme
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text_speed == other.text_speed and self.theme == other.theme) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.text_speed, self.theme, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'text_speed': self.text_speed, 'theme': self.theme} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _71(_everything, _counts):
    def __init__(self, thresholds, exact, everything=_everything, counts=_counts):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['thresholds'] = thresholds
        __prefab_selfdict['exact'] = exact
        __prefab_selfdict['everything'] = everything
        __prefab_selfdict['counts'] = counts
    def __eq__(self, other):
        if self is other:
            return True
        return (self.thresholds == other.thresholds and self.exact == other.exact and self.everything == other.everything and self.counts == other.counts) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.thresholds, self.exact, self.everything, self.counts, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'thresholds': self.thresholds, 'exact': self.exact, 'everything': self.everything, 'counts': self.counts} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _72(_negated):
    def __init__(self, trait, negated=_negated):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['trait'] = trait
        __prefab_selfdict['negated'] = negated
    def __eq__(self, other):
        if self is other:
            return True
        return (self.trait == other.trait and self.negated == other.negated) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.trait, self.negated, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'trait': self.trait, 'negated': self.negated} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _73(_page, _sentence):
    def __init__(self, trait, said, page=_page, sentence=_sentence):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['trait'] = trait
        __prefab_selfdict['said'] = said
        __prefab_selfdict['page'] = page
        __prefab_selfdict['sentence'] = sentence
    def __eq__(self, other):
        if self is other:
            return True
        return (self.trait == other.trait and self.said == other.said and self.page == other.page and self.sentence == other.sentence) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.trait, self.said, self.page, self.sentence, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'trait': self.trait, 'said': self.said, 'page': self.page, 'sentence': self.sentence} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _74():
    def __init__(self, trait, sentence):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['trait'] = trait
        __prefab_selfdict['sentence'] = sentence
    def __eq__(self, other):
        if self is other:
            return True
        return (self.trait == other.trait and self.sentence == other.sentence) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.trait, self.sentence, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'trait': self.trait, 'sentence': self.sentence} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _75():
    def __init__(self, valid, line):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['valid'] = valid
        __prefab_selfdict['line'] = line
    def __eq__(self, other):
        if self is other:
            return True
        return (self.valid == other.valid and self.line == other.line) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.valid, self.line, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'valid': self.valid, 'line': self.line} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _76():
    def __init__(self, value):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['value'] = value
    def __eq__(self, other):
        if self is other:
            return True
        return (self.value == other.value) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.value, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'value': self.value} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _77(_condition):
    def __init__(self, variants, condition=_condition):
        __prefab_selfdict = self.__dict__
        __prefab_selfdict['variants'] = variants
        __prefab_selfdict['condition'] = condition
    def __eq__(self, other):
        if self is other:
            return True
        return (self.variants == other.variants and self.condition == other.condition) if self.__class__ is other.__class__ else NotImplemented
    def __hash__(self):
        return hash((self.variants, self.condition, ))
    def __replace__(self, /, **changes):
        return self.__class__(**({'variants': self.variants, 'condition': self.condition} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__hash__': __hash__, '__replace__': __replace__}


def _78(_best_time, _best_splits, _gold, _attempts, _finished, _history):
    def __init__(self, best_time=_best_time, best_splits=None, gold=None, attempts=_attempts, finished=_finished, history=None):
        self.best_time = best_time
        self.best_splits = best_splits if best_splits is not None else {}
        self.gold = gold if gold is not None else {}
        self.attempts = attempts
        self.finished = finished
        self.history = history if history is not None else []
    def __eq__(self, other):
        if self is other:
            return True
        return (self.best_time == other.best_time and self.best_splits == other.best_splits and self.gold == other.gold and self.attempts == other.attempts and self.finished == other.finished and self.history == other.history) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'best_time': self.best_time, 'best_splits': self.best_splits, 'gold': self.gold, 'attempts': self.attempts, 'finished': self.finished, 'history': self.history} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _79(_kinds, _assignable, _read, _written):
    def __init__(self, kinds=None, assignable=None, read=None, written=None):
        self.kinds = kinds if kinds is not None else {}
        self.assignable = assignable if assignable is not None else _assignable()
        self.read = read if read is not None else _read()
        self.written = written if written is not None else _written()
    def __eq__(self, other):
        if self is other:
            return True
        return (self.kinds == other.kinds and self.assignable == other.assignable and self.read == other.read and self.written == other.written) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'kinds': self.kinds, 'assignable': self.assignable, 'read': self.read, 'written': self.written} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _80(_paragraphs, _choices, _prompt, _at_typewriter, _scene_title, _act_title, _seems, _ending_id, _ending_title, _rejected):
    def __init__(self, paragraphs=None, choices=_choices, prompt=_prompt, at_typewriter=_at_typewriter, scene_title=_scene_title, act_title=_act_title, seems=_seems, ending_id=_ending_id, ending_title=_ending_title, rejected=_rejected):
        self.paragraphs = paragraphs if paragraphs is not None else []
        self.choices = choices
        self.prompt = prompt
        self.at_typewriter = at_typewriter
        self.scene_title = scene_title
        self.act_title = act_title
        self.seems = seems
        self.ending_id = ending_id
        self.ending_title = ending_title
        self.rejected = rejected
    def __eq__(self, other):
        if self is other:
            return True
        return (self.paragraphs == other.paragraphs and self.choices == other.choices and self.prompt == other.prompt and self.at_typewriter == other.at_typewriter and self.scene_title == other.scene_title and self.act_title == other.act_title and self.seems == other.seems and self.ending_id == other.ending_id and self.ending_title == other.ending_title and self.rejected == other.rejected) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'paragraphs': self.paragraphs, 'choices': self.choices, 'prompt': self.prompt, 'at_typewriter': self.at_typewriter, 'scene_title': self.scene_title, 'act_title': self.act_title, 'seems': self.seems, 'ending_id': self.ending_id, 'ending_title': self.ending_title, 'rejected': self.rejected} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _81():
    def __init__(self, path, relative, data):
        self.path = path
        self.relative = relative
        self.data = data
    def __eq__(self, other):
        if self is other:
            return True
        return (self.path == other.path and self.relative == other.relative and self.data == other.data) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'path': self.path, 'relative': self.relative, 'data': self.data} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _82(_runs, _scenes, _choices, _outcomes, _traits, _endings, _issues):
    def __init__(self, runs=_runs, scenes=None, choices=None, outcomes=None, traits=None, endings=None, issues=None):
        self.runs = runs
        self.scenes = scenes if scenes is not None else _scenes()
        self.choices = choices if choices is not None else _choices()
        self.outcomes = outcomes if outcomes is not None else _outcomes()
        self.traits = traits if traits is not None else _traits()
        self.endings = endings if endings is not None else _endings()
        self.issues = issues if issues is not None else []
    def __eq__(self, other):
        if self is other:
            return True
        return (self.runs == other.runs and self.scenes == other.scenes and self.choices == other.choices and self.outcomes == other.outcomes and self.traits == other.traits and self.endings == other.endings and self.issues == other.issues) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'runs': self.runs, 'scenes': self.scenes, 'choices': self.choices, 'outcomes': self.outcomes, 'traits': self.traits, 'endings': self.endings, 'issues': self.issues} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _83(_items, _item_spans):
    def __init__(self, span, items=None, item_spans=None):
        self.span = span
        self.items = items if items is not None else []
        self.item_spans = item_spans if item_spans is not None else []
    def __eq__(self, other):
        if self is other:
            return True
        return (self.span == other.span and self.items == other.items and self.item_spans == other.item_spans) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'span': self.span, 'items': self.items, 'item_spans': self.item_spans} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _84(_items, _key_spans, _value_spans):
    def __init__(self, span, items=None, key_spans=None, value_spans=None):
        self.span = span
        self.items = items if items is not None else {}
        self.key_spans = key_spans if key_spans is not None else {}
        self.value_spans = value_spans if value_spans is not None else {}
    def __eq__(self, other):
        if self is other:
            return True
        return (self.span == other.span and self.items == other.items and self.key_spans == other.key_spans and self.value_spans == other.value_spans) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'span': self.span, 'items': self.items, 'key_spans': self.key_spans, 'value_spans': self.value_spans} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _85(_lead, _subject, _subject_word, _own_subject, _predicate, _asserts, _denied, _fact, _linking):
    def __init__(self, start, end, lead=_lead, subject=_subject, subject_word=_subject_word, own_subject=_own_subject, predicate=_predicate, asserts=_asserts, denied=_denied, fact=_fact, linking=None):
        self.start = start
        self.end = end
        self.lead = lead
        self.subject = subject
        self.subject_word = subject_word
        self.own_subject = own_subject
        self.predicate = predicate
        self.asserts = asserts
        self.denied = denied
        self.fact = fact
        self.linking = linking if linking is not None else []
    def __eq__(self, other):
        if self is other:
            return True
        return (self.start == other.start and self.end == other.end and self.lead == other.lead and self.subject == other.subject and self.subject_word == other.subject_word and self.own_subject == other.own_subject and self.predicate == other.predicate and self.asserts == other.asserts and self.denied == other.denied and self.fact == other.fact and self.linking == other.linking) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'start': self.start, 'end': self.end, 'lead': self.lead, 'subject': self.subject, 'subject_word': self.subject_word, 'own_subject': self.own_subject, 'predicate': self.predicate, 'asserts': self.asserts, 'denied': self.denied, 'fact': self.fact, 'linking': self.linking} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _86(_time, _ending, _splits, _broken):
    def __init__(self, started, time=_time, ending=_ending, splits=None, broken=_broken):
        self.started = started
        self.time = time
        self.ending = ending
        self.splits = splits if splits is not None else []
        self.broken = broken
    def __eq__(self, other):
        if self is other:
            return True
        return (self.started == other.started and self.time == other.time and self.ending == other.ending and self.splits == other.splits and self.broken == other.broken) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'started': self.started, 'time': self.time, 'ending': self.ending, 'splits': self.splits, 'broken': self.broken} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _87(_seed, _category, _games, _inputs, _splits, _endings, _finished, _speedrun):
    def __init__(self, story, seed=_seed, category=_category, games=_games, inputs=None, splits=None, endings=None, finished=_finished, speedrun=_speedrun):
        self.story = story
        self.seed = seed
        self.category = category
        self.games = games
        self.inputs = inputs if inputs is not None else []
        self.splits = splits if splits is not None else []
        self.endings = endings if endings is not None else []
        self.finished = finished
        self.speedrun = speedrun
    def __eq__(self, other):
        if self is other:
            return True
        return (self.story == other.story and self.seed == other.seed and self.category == other.category and self.games == other.games and self.inputs == other.inputs and self.splits == other.splits and self.endings == other.endings and self.finished == other.finished and self.speedrun == other.speedrun) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'story': self.story, 'seed': self.seed, 'category': self.category, 'games': self.games, 'inputs': self.inputs, 'splits': self.splits, 'endings': self.endings, 'finished': self.finished, 'speedrun': self.speedrun} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _88(_subject_names, _narrator_names, _name_words, _pronouns, _name_starts, _characters, _feeling_keys, _role_words):
    def __init__(self, subject, narrator, patterns, exceptions, names, longest_name, vocabulary, name_vocabulary, roles, implies, trait_ids, role_traits, object_roles, subject_names=_subject_names, narrator_names=_narrator_names, name_words=_name_words, pronouns=None, name_starts=_name_starts, characters=None, feeling_keys=_feeling_keys, role_words=None):
        self.subject = subject
        self.narrator = narrator
        self.patterns = patterns
        self.exceptions = exceptions
        self.names = names
        self.longest_name = longest_name
        self.vocabulary = vocabulary
        self.name_vocabulary = name_vocabulary
        self.roles = roles
        self.implies = implies
        self.trait_ids = trait_ids
        self.role_traits = role_traits
        self.object_roles = object_roles
        self.subject_names = subject_names
        self.narrator_names = narrator_names
        self.name_words = name_words
        self.pronouns = pronouns if pronouns is not None else {}
        self.name_starts = name_starts
        self.characters = characters if characters is not None else {}
        self.feeling_keys = feeling_keys
        self.role_words = role_words if role_words is not None else {}
    def __eq__(self, other):
        if self is other:
            return True
        return (self.subject == other.subject and self.narrator == other.narrator and self.patterns == other.patterns and self.exceptions == other.exceptions and self.names == other.names and self.longest_name == other.longest_name and self.vocabulary == other.vocabulary and self.name_vocabulary == other.name_vocabulary and self.roles == other.roles and self.implies == other.implies and self.trait_ids == other.trait_ids and self.role_traits == other.role_traits and self.object_roles == other.object_roles and self.subject_names == other.subject_names and self.narrator_names == other.narrator_names and self.name_words == other.name_words and self.pronouns == other.pronouns and self.name_starts == other.name_starts and self.characters == other.characters and self.feeling_keys == other.feeling_keys and self.role_words == other.role_words) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'subject': self.subject, 'narrator': self.narrator, 'patterns': self.patterns, 'exceptions': self.exceptions, 'names': self.names, 'longest_name': self.longest_name, 'vocabulary': self.vocabulary, 'name_vocabulary': self.name_vocabulary, 'roles': self.roles, 'implies': self.implies, 'trait_ids': self.trait_ids, 'role_traits': self.role_traits, 'object_roles': self.object_roles, 'subject_names': self.subject_names, 'narrator_names': self.narrator_names, 'name_words': self.name_words, 'pronouns': self.pronouns, 'name_starts': self.name_starts, 'characters': self.characters, 'feeling_keys': self.feeling_keys, 'role_words': self.role_words} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _89(_kind):
    def __init__(self, text, kind=_kind):
        self.text = text
        self.kind = kind
    def __eq__(self, other):
        if self is other:
            return True
        return (self.text == other.text and self.kind == other.kind) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'text': self.text, 'kind': self.kind} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


def _90(_mood, _subject, _clause_of):
    def __init__(self, words, keys, clauses, who, real, mood=_mood, subject=_subject, clause_of=None):
        self.words = words
        self.keys = keys
        self.clauses = clauses
        self.who = who
        self.real = real
        self.mood = mood
        self.subject = subject
        self.clause_of = clause_of if clause_of is not None else []
    def __eq__(self, other):
        if self is other:
            return True
        return (self.words == other.words and self.keys == other.keys and self.clauses == other.clauses and self.who == other.who and self.real == other.real and self.mood == other.mood and self.subject == other.subject and self.clause_of == other.clause_of) if self.__class__ is other.__class__ else NotImplemented
    def __replace__(self, /, **changes):
        return self.__class__(**({'words': self.words, 'keys': self.keys, 'clauses': self.clauses, 'who': self.who, 'real': self.real, 'mood': self.mood, 'subject': self.subject, 'clause_of': self.clause_of} | changes))
    return {'__init__': __init__, '__eq__': __eq__, '__replace__': __replace__}


MAKERS: dict = {
    'frozen+post_init|id title version start scenes endings variables={} characters={} acts= seems= lexicon= author= content_note= content_hash= root= categories= format=': _0,
    'frozen|act= scene= played= seems= page=': _1,
    'frozen|act_id title': _2,
    'frozen|category rows elapsed started finished best_time= sum_of_best= possible_save= watched=': _3,
    'frozen|condition then otherwise=': _4,
    'frozen|ending time splits=': _5,
    'frozen|ending_id title paragraphs act_title=': _6,
    'frozen|events= notices= jumped= earlier=': _7,
    'frozen|file line column severity code message': _8,
    'frozen|id act summary span': _9,
    'frozen|id description= frames= implies= phrases= synonyms= effects= negated= span=': _10,
    'frozen|id name names pronoun description=': _11,
    'frozen|id negated= intensity= words=-c frame=-c': _12,
    'frozen|id title': _13,
    'frozen|id title text span= hint=': _14,
    'frozen|id title= beat= act= text= effects= choices= typewriter= span= fallbacks= next= call= counter=': _15,
    'frozen|is_= does= feels= idioms= object= when= with_= opposite= except_= objects=': _16,
    'frozen|kind key options': _17,
    'frozen|kind message inputs seed= where= proven=': _18,
    'frozen|kind message seed step inputs': _19,
    'frozen|kind name place definition=': _20,
    'frozen|kind text column': _21,
    'frozen|label target condition= effects= text= span= call= counter= once=': _22,
    'frozen|labels': _23,
    'frozen|message context span=': _24,
    'frozen|name': _25,
    'frozen|name column': _26,
    'frozen|name endings finish= description= seed= paste=': _27,
    'frozen|name kind doc required= item=': _28,
    'frozen|name path saved_at scene_title problem= summary=()': _29,
    'frozen|name seems pages traits control': _30,
    'frozen|name t': _31,
    'frozen|name title pb= time= delta= mark= current= ghost=': _32,
    'frozen|name type default minimum= maximum= values= description= span=': _33,
    'frozen|number': _34,
    'frozen|number scene_title text': _35,
    'frozen|op left right column': _36,
    'frozen|op operand': _37,
    'frozen|paragraphs': _38,
    'frozen|path line start end': _39,
    'frozen|prompt': _40,
    'frozen|prompt outcomes': _41,
    'frozen|reading effects lines subjects={} about= moods=': _42,
    'frozen|reading lines effects outcome=': _43,
    'frozen|reason': _44,
    'frozen|scene title paragraphs action= after= page= reading= written=': _45,
    'frozen|scene variables traits seed rng_counter= turn= act= ending= page_about_ruby= history=() counts={} stack= names=-irch offered=-irch': _46,
    'frozen|scene_id title act_title paragraphs status': _47,
    'frozen|scenes choices endings runs outcomes=': _48,
    'frozen|sentence note kind': _49,
    'frozen|sentences truncated=': _50,
    'frozen|source assignment span=': _51,
    'frozen|source expr span=': _52,
    'frozen|source parts span= pieces=': _53,
    'frozen|source where value': _54,
    'frozen|state new= gone= reset= traits_new= traits_gone= returns_gone=': _55,
    'frozen|state note=': _56,
    'frozen|states complete paths scenes constant= stopped= findings= scene_counts={} choice_counts={} outcome_counts={} random_runs=': _57,
    'frozen|step reason rule': _58,
    'frozen|story state message errors=': _59,
    'frozen|story_id story_hash seed category inputs result engine_version= version= speedrun= extra={}': _60,
    'frozen|subject traits on_page= narrator= roles= wordnet=': _61,
    'frozen|t kind value= pasted=': _62,
    'frozen|target label choice=': _63,
    'frozen|target op value': _64,
    'frozen|target wrote= about_ruby= condition= text= effects= span= call=': _65,
    'frozen|text about_ruby traits= subject=-c mood=-c': _66,
    'frozen|text condition=': _67,
    'frozen|text kind=': _68,
    'frozen|text pasted=': _69,
    'frozen|text_speed= theme=': _70,
    'frozen|thresholds exact everything= counts=': _71,
    'frozen|trait negated=': _72,
    'frozen|trait said page= sentence=': _73,
    'frozen|trait sentence': _74,
    'frozen|valid line': _75,
    'frozen|value': _76,
    'frozen|variants condition=': _77,
    'mutable|best_time= best_splits={} gold={} attempts= finished= history=[]': _78,
    'mutable|kinds={} assignable=() read=() written=()': _79,
    'mutable|paragraphs=[] choices= prompt= at_typewriter= scene_title= act_title= seems= ending_id= ending_title= rejected=': _80,
    'mutable|path relative data': _81,
    'mutable|runs= scenes=() choices=() outcomes=() traits=() endings=() issues=[]': _82,
    'mutable|span items=[] item_spans=[]': _83,
    'mutable|span items={} key_spans={} value_spans={}': _84,
    'mutable|start end lead= subject= subject_word= own_subject= predicate= asserts= denied= fact= linking=[]': _85,
    'mutable|started time= ending= splits=[] broken=': _86,
    'mutable|story seed= category= games= inputs=[] splits=[] endings=[] finished= speedrun=': _87,
    'mutable|subject narrator patterns exceptions names longest_name vocabulary name_vocabulary roles implies trait_ids role_traits object_roles subject_names= narrator_names= name_words= pronouns={} name_starts= characters={}-r feeling_keys= role_words={}': _88,
    'mutable|text kind=': _89,
    'mutable|words keys clauses who real mood= subject= clause_of=[]': _90,
}
