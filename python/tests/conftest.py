import json

import pytest

# Three small stories written for these tests (not taken from any data set).
STORIES = {
    "quake": [
        ("Strong earthquake shakes Port-au-Prince",
         "A magnitude 7.0 earthquake struck near Port-au-Prince on Tuesday, collapsing buildings "
         "across the city. Rescue teams searched the rubble for survivors in the Haitian capital. "
         "Hospitals said they were overwhelmed by the injured."),
        ("Haiti earthquake survivors wait for aid",
         "Survivors of the earthquake in Port-au-Prince waited for food and water on Wednesday. "
         "Rescue teams pulled people from the rubble of collapsed buildings in the Haitian "
         "capital. Aid agencies said roads were blocked."),
        ("Aid reaches Port-au-Prince after earthquake",
         "Aid flights landed in Port-au-Prince two days after the earthquake. Survivors in the "
         "Haitian capital still searched the rubble of collapsed buildings for relatives. The "
         "airport was crowded with relief supplies."),
    ],
    "spill": [
        ("Oil rig explosion in the Gulf of Mexico",
         "An explosion on the Deepwater Horizon drilling rig set off an oil spill in the Gulf of "
         "Mexico. BP said crude oil was leaking from the well a mile below the surface. Eleven "
         "workers were missing after the blast."),
        ("BP struggles to stop Gulf oil leak",
         "BP engineers tried again to cap the leaking well as the oil spill spread across the "
         "Gulf of Mexico. The Deepwater Horizon rig sank two days after the explosion. Crews "
         "burned some of the crude oil on the surface."),
        ("Oil from BP well reaches Gulf coast",
         "Oil from the leaking BP well reached the Gulf coast on Friday. Crews laid booms against "
         "the spill from the sunken Deepwater Horizon rig in the Gulf of Mexico. Fishing was "
         "closed along the coast."),
    ],
    "flu": [
        ("Swine flu cases confirmed in Mexico City",
         "Health officials confirmed new swine flu infections in Mexico City on Friday. The World "
         "Health Organization raised its pandemic alert as the virus spread. Schools in the "
         "capital were closed for a week."),
        ("Pandemic alert raised over swine flu",
         "The World Health Organization raised the pandemic alert level as swine flu infections "
         "spread beyond Mexico. Health officials urged calm about the virus and said vaccines "
         "were being prepared."),
        ("Swine flu virus spreads to new countries",
         "The swine flu virus spread to new countries, health officials said, and the World "
         "Health Organization kept its pandemic alert high as infections rose. Airports began "
         "screening travellers for fever."),
    ],
}


def stream_lines():
    """JSONL article lines, the three stories interleaved day by day."""
    lines = []
    for day in range(3):
        for story, items in STORIES.items():
            title, text = items[day]
            lines.append(json.dumps({"id": f"{story}-{day}", "title": title,
                                     "date": f"2010-04-{12 + day:02d}", "text": text,
                                     "event": story}))
    return lines


@pytest.fixture
def jsonl_bytes():
    return ("\n".join(stream_lines()) + "\n").encode()


@pytest.fixture
def jsonl_file(tmp_path, jsonl_bytes):
    path = tmp_path / "stream.jsonl"
    path.write_bytes(jsonl_bytes)
    return str(path)
