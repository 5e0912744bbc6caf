"""The people and employers of the voices corpus (``tools.corpus.voices``): invented names in
eight sectors, UK and US, with the roles each hires for. All written for Onward."""

from __future__ import annotations

# (name, sector, country, domain stem)
EMPLOYERS: list[tuple[str, str, str, str]] = [
    ("Fernhollow Software", "tech", "us", "fernhollow"),
    ("Quayline Systems", "tech", "uk", "quayline"),
    ("Brisklet", "tech", "us", "brisklet"),
    ("Cobalt Reach", "tech", "us", "cobaltreach"),
    ("Tallowby Digital", "tech", "uk", "tallowby"),
    ("Pennant Cloud", "tech", "us", "pennantcloud"),
    ("Moorgate Data Ltd", "tech", "uk", "moorgatedata"),
    ("Sparrowhawk Games", "tech", "us", "sparrowhawkgames"),
    ("Ridgeway Community Hospital", "healthcare", "us", "ridgewaych"),
    ("Ashdown Medical Practice", "healthcare", "uk", "ashdownmedical"),
    ("Beacon Vale NHS Trust", "healthcare", "uk", "beaconvale"),
    ("Clearwater Pediatrics", "healthcare", "us", "clearwaterpeds"),
    ("Thornfield Care Homes", "healthcare", "uk", "thornfieldcare"),
    ("Summit Ortho Group", "healthcare", "us", "summitortho"),
    ("Hatch & Hollow", "retail", "uk", "hatchandhollow"),
    ("Pricewise Grocers", "retail", "us", "pricewise"),
    ("Loom Street Clothing", "retail", "us", "loomstreet"),
    ("Kettering Home Stores", "retail", "uk", "ketteringhome"),
    ("Marlin Outdoor Supply", "retail", "us", "marlinoutdoor"),
    ("Cresswell Building Society", "finance", "uk", "cresswellbs"),
    ("Ironvale Bank", "finance", "us", "ironvale"),
    ("Sterling Marsh Accountants", "finance", "uk", "sterlingmarsh"),
    ("Plumtree Mutual", "finance", "us", "plumtreemutual"),
    ("Kingsway Wealth Partners", "finance", "uk", "kingswaywealth"),
    ("Elmstead Primary School", "education", "uk", "elmstead"),
    ("Bayridge Charter School", "education", "us", "bayridgecharter"),
    ("University of Harrowgate", "education", "uk", "harrowgate"),
    ("Lakeview Community College", "education", "us", "lakeviewcc"),
    ("Wrenfield Academy Trust", "education", "uk", "wrenfield"),
    ("The Copper Lantern", "hospitality", "uk", "copperlantern"),
    ("Driftwood Resort & Spa", "hospitality", "us", "driftwoodresort"),
    ("Fig & Fennel Kitchen", "hospitality", "us", "figandfennel"),
    ("Harbourside Hotels", "hospitality", "uk", "harboursidehotels"),
    ("Bellweather Catering", "hospitality", "us", "bellweather"),
    ("Colton Electrical Services", "trades", "uk", "coltonelectrical"),
    ("Redline Plumbing & Heating", "trades", "us", "redlineplumbing"),
    ("Stonecrop Builders", "trades", "uk", "stonecrop"),
    ("Apex HVAC Solutions", "trades", "us", "apexhvac"),
    ("Millbrook Joinery", "trades", "uk", "millbrookjoinery"),
    ("Ouseford District Council", "public", "uk", "ouseford"),
    ("County of San Telmo", "public", "us", "santelmocounty"),
    ("State Department of Transit", "public", "us", "transit-state"),
    ("Northmere Fire and Rescue Service", "public", "uk", "northmerefire"),
    ("Eastvale Housing Authority", "public", "us", "eastvalehousing"),
]

ROLES: dict[str, list[str]] = {
    "tech": [
        "Junior Developer",
        "Platform Engineer",
        "Data Analyst",
        "Mobile Developer",
        "Product Designer",
        "Cloud Support Engineer",
        "Security Analyst",
        "Engineering Manager",
        "Technical Writer",
        "Graduate Software Engineer",
    ],
    "healthcare": [
        "Staff Nurse",
        "Healthcare Assistant",
        "Practice Receptionist",
        "Phlebotomist",
        "Radiographer",
        "Medical Secretary",
        "Clinical Coder",
        "Occupational Therapist",
    ],
    "retail": [
        "Customer Assistant",
        "Assistant Store Manager",
        "Stock Controller",
        "Visual Merchandiser",
        "Cashier",
        "Online Marketing Executive",
        "Shift Supervisor",
    ],
    "finance": [
        "Trainee Accountant",
        "Mortgage Adviser",
        "Bookkeeper",
        "Financial Planning Analyst",
        "Claims Handler",
        "Payroll Specialist",
        "Fraud Investigator",
    ],
    "education": [
        "Teaching Assistant",
        "Year 4 Class Teacher",
        "Science Teacher",
        "Learning Support Assistant",
        "Library Assistant",
        "Student Services Adviser",
        "Lecturer in Nursing",
    ],
    "hospitality": [
        "Line Cook",
        "Sous Chef",
        "Front Desk Agent",
        "Bartender",
        "Events Coordinator",
        "Housekeeping Supervisor",
        "Restaurant Manager",
    ],
    "trades": [
        "Electrician",
        "Apprentice Plumber",
        "Site Labourer",
        "HVAC Technician",
        "Carpenter",
        "Maintenance Technician",
        "Quantity Surveyor",
    ],
    "public": [
        "Planning Officer",
        "Customer Services Officer",
        "Policy Analyst",
        "Administrative Assistant",
        "Environmental Health Officer",
        "Firefighter",
        "Case Worker",
    ],
}

FIRST = [
    "Priya", "Tom", "Aisling", "Marcus", "Yuki", "Femi", "Rosa", "Declan", "Hannah", "Omar",
    "Lucy", "Jamal", "Bethan", "Carlos", "Mei", "Niamh", "Grant", "Leila", "Stuart", "Tamsin",
    "Andre", "Ingrid", "Kwame", "Sophie", "Rhys", "Dolores", "Ethan", "Zara", "Malcolm", "Ada",
]
LAST = [
    "Okafor", "Pemberton", "Lindqvist", "Reyes", "Hartley", "Nakamura", "Doyle", "Achebe",
    "Whitcombe", "Castellano", "Brennan", "Moreau", "Patel", "Ferris", "Osei", "McAllister",
    "Varga", "Holloway", "Quinn", "Abernathy",
]
#: The job seeker, as employers write to them.
CANDIDATES = ["Sam", "Jordan", "Alex", "Robin", "Casey", "Morgan", "Jess", "Chris", "Taylor"]

DAYS_US = ["Monday, March 9", "Tuesday the 14th", "Wednesday 5/21", "Thursday", "Friday, June 6"]
DAYS_UK = ["Monday 9 March", "Tuesday 14th", "Wednesday 21 May", "Thursday", "Friday 6 June"]
TIMES_US = ["10:00 AM ET", "2:30 PM", "11am CT", "9:15 AM PT", "4 PM"]
TIMES_UK = ["10am", "14:30", "11.15am", "09:30", "3pm"]
SALARY_US = ["$68,000", "$54,500 per year", "$31.50 an hour", "$92,000 plus bonus", "$47,000"]
SALARY_UK = ["£32,000", "£27,450 per annum", "£14.20 an hour", "£41,000 pro rata", "£24,800"]
AGENCIES = [
    ("Bridgepoint Talent", "bridgepointtalent"),
    ("Harper & Vane Recruitment", "harpervane"),
    ("Lighthouse Staffing", "lighthousestaffing"),
    ("Keystone Search", "keystonesearch"),
    ("Nova Locum Partners", "novalocum"),
]
