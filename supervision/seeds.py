from .resources import ContentAreaResource, SupervisionRoundResource, TeamMemberResource, VisitResource

SEED_FILES = [
    ("supervision/content_areas.csv", ContentAreaResource),
    ("supervision/rounds.csv", SupervisionRoundResource),
    ("supervision/team_members.csv", TeamMemberResource),
    ("supervision/visits.csv", VisitResource),
]
