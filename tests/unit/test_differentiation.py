"""Which version of an item a student gets."""

from plclassroom.domain.differentiation import Version, choose_version, learner_from_profile

BASE = Version("base", "", {})
READ_ALOUD = Version("read", "read-aloud", {"for_accommodations": ["IEP"]})
SPANISH = Version("es", "Spanish", {"languages": ["Spanish"]})
EXTENSION = Version("ext", "extension", {"min_level": 3.0})


def test_students_get_the_version_that_fits_them_and_say_why():
    plain = learner_from_profile("English", [], 2.0)
    assert choose_version(BASE, [READ_ALOUD, SPANISH, EXTENSION], plain).version is BASE
    iep = learner_from_profile("English", ["IEP"], 2.0)
    choice = choose_version(BASE, [READ_ALOUD, SPANISH, EXTENSION], iep)
    assert choice.version is READ_ALOUD and "made for IEP" in choice.why
    spanish = learner_from_profile("Spanish, English", ["ELL"], None)
    assert choose_version(BASE, [READ_ALOUD, SPANISH, EXTENSION], spanish).version is SPANISH
    ahead = learner_from_profile("English", [], 3.4)
    choice = choose_version(BASE, [READ_ALOUD, SPANISH, EXTENSION], ahead)
    assert choice.version is EXTENSION and "level 3.4" in choice.why


def test_a_version_marked_not_for_an_accommodation_is_never_given():
    timed = Version("timed", "", {"not_for": ["504"]})
    untimed = Version("untimed", "untimed", {"for_accommodations": ["504"]})
    student = learner_from_profile("English", ["504"], 2.0)
    assert choose_version(timed, [untimed], student).version is untimed
    choice = choose_version(timed, [], student)
    assert choice.version is None and "not for students with 504" in choice.why
