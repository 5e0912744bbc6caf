"""Phrase banks for the corpus generator: companies, roles, people and message parts.

All text here was written for Onward. Placeholders: {company} {role} {first} {full}
{recruiter} {day} {time} {req} {platform} {weeks}.
"""

from __future__ import annotations

# (company name as written, industry, domain stem)
COMPANIES: list[tuple[str, str, str]] = [
    ("Northwind Analytics", "tech", "northwindanalytics"),
    ("Bluefin Labs", "tech", "bluefinlabs"),
    ("Quillstone Software", "tech", "quillstone"),
    ("Corvid Systems", "tech", "corvidsystems"),
    ("Tessellate AI", "tech", "tessellate"),
    ("Helio Data", "tech", "heliodata"),
    ("Brightpath Robotics", "tech", "brightpath"),
    ("Kestrel", "tech", "kestrel"),
    ("Parabolic", "tech", "parabolic"),
    ("Stackyard Inc.", "tech", "stackyard"),
    ("Orbital Commerce", "tech", "orbitalcommerce"),
    ("Zephyr Networks", "tech", "zephyrnet"),
    ("St. Brigid Health", "healthcare", "stbrigid"),
    ("Maple Valley Hospital", "healthcare", "maplevalley"),
    ("Cardinal Care Partners", "healthcare", "cardinalcare"),
    ("Lumen Diagnostics", "healthcare", "lumendx"),
    ("Harborview Clinics", "healthcare", "harborviewclinics"),
    ("Evergreen Home Health", "healthcare", "evergreenhh"),
    ("Parkline Stores", "retail", "parkline"),
    ("Copper Kettle Market", "retail", "copperkettle"),
    ("Urban Thread Apparel", "retail", "urbanthread"),
    ("Fieldstone Outfitters", "retail", "fieldstone"),
    ("Bramble & Rye", "retail", "brambleandrye"),
    ("Granite Trust Bank", "finance", "granitetrust"),
    ("Meridian Capital Group", "finance", "meridiancap"),
    ("Oakridge Insurance", "finance", "oakridgeins"),
    ("Ledgerly", "finance", "ledgerly"),
    ("First Prairie Credit Union", "finance", "firstprairie"),
    ("Halcyon Partners LLC", "finance", "halcyonpartners"),
    ("JRT Advisory", "finance", "jrtadvisory"),
    ("Riverside Unified School District", "education", "riversideusd"),
    ("Westbrook College", "education", "westbrook"),
    ("Lakeshore Academy", "education", "lakeshoreacademy"),
    ("Northgate University", "education", "northgate"),
    ("Brightside Learning", "education", "brightsidelearning"),
    ("Seaglass Hotels & Resorts", "hospitality", "seaglasshotels"),
    ("The Juniper Inn", "hospitality", "juniperinn"),
    ("Saltwater Grill Group", "hospitality", "saltwatergrill"),
    ("Alpine Lodge Collective", "hospitality", "alpinelodge"),
    ("City of Fairhaven", "public", "fairhaven"),
    ("Marlow County", "public", "marlowcounty"),
    ("Department of Natural Resources", "public", "dnr"),
    ("Port Authority of Bayview", "public", "bayviewport"),
    ("Ironbridge Manufacturing", "industry", "ironbridge"),
    ("Vantage Freight", "industry", "vantagefreight"),
    ("Solace Energy", "industry", "solaceenergy"),
    ("Greenleaf Foundation", "nonprofit", "greenleaf"),
    ("Open Harbor Media", "media", "openharbor"),
    ("Pinecrest Foods", "industry", "pinecrestfoods"),
    ("Acumen Consulting", "finance", "acumen"),
    ("Delta Quay Logistics", "industry", "deltaquay"),
]

ROLES: dict[str, list[str]] = {
    "tech": [
        "Software Engineer", "Backend Engineer", "Data Analyst", "Data Scientist",
        "Product Manager", "Site Reliability Engineer", "Frontend Developer",
        "Machine Learning Engineer", "QA Analyst", "Business Intelligence Analyst",
        "Technical Support Specialist", "UX Designer", "Data Engineer", "DevOps Engineer",
    ],
    "healthcare": [
        "Registered Nurse", "Medical Assistant", "Patient Access Representative",
        "Clinical Data Analyst", "Pharmacy Technician", "Health Informatics Specialist",
        "Care Coordinator", "Physical Therapist",
    ],
    "retail": [
        "Store Manager", "Sales Associate", "Merchandising Analyst", "Inventory Planner",
        "E-commerce Specialist", "Visual Merchandiser", "District Manager", "Buyer",
    ],
    "finance": [
        "Financial Analyst", "Risk Analyst", "Credit Analyst", "Compliance Officer",
        "Accountant", "Investment Associate", "Underwriter", "Quantitative Analyst",
        "Audit Associate", "Data Quality Analyst",
    ],
    "education": [
        "Math Teacher", "Admissions Counselor", "Instructional Designer",
        "Research Assistant", "Special Education Teacher", "Academic Advisor",
        "Institutional Research Analyst", "Librarian",
    ],
    "hospitality": [
        "Front Desk Agent", "Event Coordinator", "Sous Chef", "Revenue Manager",
        "Guest Services Manager", "Housekeeping Supervisor", "Food and Beverage Manager",
    ],
    "public": [
        "Policy Analyst", "GIS Analyst", "Budget Analyst", "Program Coordinator",
        "Civil Engineer", "Planning Technician", "Administrative Assistant",
    ],
    "industry": [
        "Supply Chain Analyst", "Mechanical Engineer", "Operations Manager",
        "Logistics Coordinator", "Quality Engineer", "Production Planner", "Field Technician",
    ],
    "nonprofit": ["Grant Writer", "Program Manager", "Development Associate", "Data Analyst"],
    "media": ["Content Strategist", "Video Editor", "Marketing Analyst", "Copy Editor"],
}

SENIORITY = ["", "", "", "Senior ", "Junior ", "Lead ", "Associate ", "Principal ", "Staff "]
ROLE_SUFFIX = ["", "", "", "", " II", " III", " (Remote)", ", Payments", " - Contract", " Intern"]

FIRST_NAMES = [
    "Sam", "Priya", "Jordan", "Mei", "Carlos", "Aisha", "Tom", "Elena", "Kwame", "Hannah",
    "Diego", "Yuki", "Fatima", "Liam", "Noor", "Grace", "Oskar", "Ravi", "Chloe", "Marcus",
]
LAST_NAMES = [
    "Rivera", "Okafor", "Lindqvist", "Chen", "Patel", "Moreau", "Walsh", "Nakamura",
    "Haddad", "Brennan", "Kowalski", "Santos", "Fischer", "Adeyemi", "Larsen", "Ortiz",
]
RECRUITER_TITLES = [
    "Talent Acquisition Partner", "Technical Recruiter", "Recruiting Coordinator",
    "HR Generalist", "Hiring Manager", "People Operations Lead", "Senior Recruiter",
]

DAYS = ["Monday, March 4", "Tuesday, April 9", "Wednesday, May 15", "Thursday, June 6",
        "Friday, Oct 11", "Mon 2/12", "Thursday the 21st", "next Tuesday", "Jan 23"]
TIMES = ["10:00 AM ET", "2:30 PM PT", "11am CST", "9:15 AM", "3pm", "1:00 PM EST", "16:00 GMT"]

REQ_FORMATS = ["R{n}", "JR{n}", "REQ-{n}", "{n}", "Req #{n}", "Job ID {n}", "2024-{n}"]

PLATFORMS = ["HackerRank", "Codility", "CodeSignal", "TestGorilla", "Criteria", "HireVue",
             "a take-home project", "Plum", "SHL"]
