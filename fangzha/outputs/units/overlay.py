"""One unit's view of the project: the model with the unit's name and contact lines, and its files moved
under units/<id>/.

The print families need no unit-specific code: they draw from `model.config` (organisation and contact)
and a campaign's organiser as always, and here those are the unit's.
"""

import copy
from dataclasses import replace

from ...content.model import show_channel

CONTACT_FIELDS = ("organisation", "contact")  # config.yaml fields a unit replaces: their placeholders do not apply


def unit_model(model, unit):
    """A shallow copy of the model that names the unit wherever config.yaml's organisation and contact appear.

    A campaign that names its own organiser keeps it (the office running it); one that does not is the
    unit's own, so its letter and pledge sheet are signed by the unit.
    """
    model = with_local_numbers(model, unit.get("channels") or {})
    contact = {"name": "", "phone": unit["phone"], "address": unit["address"],
               "police_station": unit["police_station"], "police_phone": unit["police_phone"]}
    config = copy.copy(model.config)  # keeps key_lines: problems about config.yaml still know their lines
    config.update(organisation=unit["name"], contact=contact)
    campaigns = []
    for campaign in model.campaigns:
        own = copy.copy(campaign)
        own.update(own_organiser=campaign["own_organiser"] or unit["name"], organiser=campaign["own_organiser"] or unit["name"])
        campaigns.append(own)
    shown = [p for p in model.placeholders if not (p.path == "config.yaml" and p.field.split(".")[0] in CONTACT_FIELDS)]
    return replace(model, config=config, campaigns=campaigns, placeholders=shown)


def with_local_numbers(model, numbers):
    """The model with this unit's numbers for config.yaml's local channels: a deep copy in which each such
    channel is replaced wherever a scam, a campaign or the guide names it (only for units that have any)."""
    replaced = {id(c): show_channel(dict(c, number=numbers[c["id"]])) for c in model.channels
                if c["local"] and c["id"] in numbers}
    return copy.deepcopy(model, dict(replaced)) if replaced else model


# Context entries that link a kit's own files (the rest of `root`-relative links go to the shared site).
OWN_LINKS = ("other", "others", "files")
NOT_MADE = ("images", "long_images", "shelves")  # share images and office shelves: the site's, not made per unit


def relocate(pages, folder, model, unit):
    """Move a unit's pages into `folder` (units/<id>/): their files, the links between them, and the model
    their templates read (base.html's organisation and contact phone are the unit's too)."""
    for page in pages:
        page.dest = folder + page.dest
        page.kit_of, page.about = "", ()  # the site's campaign pages list the site's own kit, not 300 units'
        context = page.context
        if "pdf_dest" in context:
            context["pdf_dest"] = folder + context["pdf_dest"]
        for key in OWN_LINKS:
            if key in context:
                context[key] = moved(context[key], folder)
        for key in NOT_MADE:
            if key in context:
                context[key] = []
        context.update(config=model.config, model=model, unit=unit)
    return pages


def moved(links, folder):
    """A link (a dict with href) or a list of them, inside `folder`."""
    if isinstance(links, dict):
        return dict(links, href=folder + links["href"])
    return [moved(link, folder) for link in links]
