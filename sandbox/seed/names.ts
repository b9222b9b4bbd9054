// Name pools for seeded customers: varied enough that a 300-ticket inbox does not repeat.
export const FIRST_NAMES = [
  "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas",
  "Mia", "Logan", "Charlotte", "James", "Amelia", "Benjamin", "Harper", "Elijah", "Evelyn", "Oliver",
  "Abigail", "Jacob", "Emily", "Michael", "Ella", "Daniel", "Madison", "Henry", "Scarlett", "Jackson",
  "Grace", "Sebastian", "Chloe", "Aiden", "Camila", "Matthew", "Penelope", "Samuel", "Riley", "David",
  "Layla", "Joseph", "Zoey", "Carter", "Nora", "Owen", "Lily", "Wyatt", "Hannah", "John",
  "Léa", "Hugo", "Chiara", "Mateo", "Ingrid", "Kenji", "Fatima", "Omar", "Anaïs", "Björn",
  "Priyanka", "Diego", "Yuki", "Zara", "Malik", "Sienna", "Tomás", "Freya", "Ravi", "Nadia",
];

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Dubois", "Rossi", "Müller", "Kowalski", "Andersson", "O'Connor", "Nakamura", "Haddad", "Okafor", "Silva",
  "Fischer", "Moreau", "Costa", "Jansen", "Novak", "Petrov", "Kim", "Patel", "Chen", "Murphy",
];

export const EMAIL_DOMAINS = [
  "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "proton.me", "aol.com", "fastmail.com",
];

export const CITIES: readonly { city: string; country: string; timezone: string; language: string }[] = [
  { city: "Portland", country: "US", timezone: "America/Los_Angeles", language: "en" },
  { city: "Austin", country: "US", timezone: "America/Chicago", language: "en" },
  { city: "Brooklyn", country: "US", timezone: "America/New_York", language: "en" },
  { city: "Denver", country: "US", timezone: "America/Denver", language: "en" },
  { city: "Toronto", country: "CA", timezone: "America/Toronto", language: "en" },
  { city: "London", country: "GB", timezone: "Europe/London", language: "en" },
  { city: "Manchester", country: "GB", timezone: "Europe/London", language: "en" },
  { city: "Dublin", country: "IE", timezone: "Europe/Dublin", language: "en" },
  { city: "Lyon", country: "FR", timezone: "Europe/Paris", language: "fr" },
  { city: "Berlin", country: "DE", timezone: "Europe/Berlin", language: "de" },
  { city: "Sydney", country: "AU", timezone: "Australia/Sydney", language: "en" },
  { city: "Seattle", country: "US", timezone: "America/Los_Angeles", language: "en" },
];
