namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// GenDB's own English words for titles, prose, genres and other lists Bogus has no data set
/// for, kept as <see cref="WordList"/>s so generators only copy bytes.
/// </summary>
internal static class Lexicon
{
    public static WordList TitleAdjectives { get; } = new(
    [
        "Silent", "Golden", "Broken", "Hidden", "Last", "Lost", "Dark", "Bright", "Wild", "Secret", "Endless", "Crimson",
        "Frozen", "Burning", "Fallen", "Distant", "Hollow", "Quiet", "Restless", "Electric", "Velvet", "Midnight", "Ancient",
        "Savage", "Fearless", "Forgotten", "Shining", "Falling", "Empty", "Sacred", "Wicked", "Lonely", "Perfect", "Eternal",
        "Final", "Brave", "Blue", "Red", "Black", "White", "Silver", "Iron", "Stone", "Glass", "Paper", "Little", "Great",
        "Long", "Cold", "Sweet", "Bitter", "Strange", "Young", "Northern", "Southern", "Hungry", "Invisible", "Royal", "Summer",
        "Neon", "Gentle", "Rising", "Wandering", "Painted",
    ]);

    public static WordList TitleNouns { get; } = new(
    [
        "River", "Night", "Heart", "Road", "Sky", "Dream", "Fire", "Storm", "Shadow", "City", "Garden", "Kingdom", "Horizon",
        "Ocean", "Mountain", "Forest", "Island", "Star", "Moon", "Sun", "Rain", "Wind", "Thunder", "Light", "Promise",
        "Journey", "Game", "Mirror", "Door", "Window", "House", "Home", "Letter", "Song", "Voice", "Echo", "Memory", "Winter",
        "Autumn", "Angel", "Ghost", "Stranger", "Hunter", "Soldier", "King", "Queen", "Prince", "Daughter", "Brother", "Sister",
        "Lover", "Friend", "Witness", "Empire", "Harbor", "Valley", "Desert", "Bridge", "Tower", "Castle", "Machine", "Engine",
        "Signal", "Wave", "Tide", "Flame", "Crown", "Blade", "Circle", "Edge", "Hour", "Day", "World", "Time", "Life", "Truth",
        "Paradise", "Highway", "Carnival", "Lighthouse",
    ]);

    public static WordList TitleVerbs { get; } = new(
    [
        "Chasing", "Finding", "Losing", "Saving", "Following", "Remembering", "Holding", "Breaking", "Crossing", "Calling",
        "Leaving", "Burning", "Dancing", "Running", "Waiting", "Falling", "Rising", "Dreaming", "Hiding", "Keeping", "Carrying",
        "Waking", "Singing", "Driving", "Searching",
    ]);

    public static WordList BandNouns { get; } = new(
    [
        "Wolves", "Lions", "Ravens", "Rebels", "Strangers", "Kings", "Saints", "Ghosts", "Pilots", "Dreamers", "Machines",
        "Hearts", "Stones", "Tigers", "Riders", "Travelers", "Giants", "Sparrows", "Foxes", "Drifters", "Outlaws", "Mariners",
        "Echoes", "Satellites", "Comets", "Owls", "Hurricanes", "Shadows",
    ]);

    /// <summary>What clubs and user groups gather around, capitalised for names: <c>Riverside Chess Club</c>.</summary>
    public static WordList GroupTopics { get; } = new(
    [
        "Running", "Chess", "Book", "Hiking", "Cycling", "Photography", "Gardening", "Jazz", "Board Game", "Yoga", "Cooking",
        "Film", "Climbing", "Coding", "Parents", "Alumni", "Tennis", "Astronomy", "Choir", "Knitting", "Birdwatching", "Sailing",
        "Woodworking", "Language Exchange", "Startup", "Volunteer", "Football", "Poetry",
    ]);

    public static WordList GroupKinds { get; } = new(["Club", "Society", "Circle", "Group", "Collective", "Meetup", "Association", "Network"]);

    public static WordList StoryAdjectives { get; } = new(
    [
        "Epic", "Thoughtful", "Touching", "Beautiful", "Astounding", "Fateful", "Emotional", "Insightful", "Intrepid",
        "Brilliant", "Fast-Paced", "Action-Packed", "Unbelievable", "Amazing", "Awe-Inspiring", "Charming", "Stunning", "Taut",
        "Heartwarming", "Gripping", "Quirky", "Haunting",
    ]);

    public static WordList StoryKinds { get; } = new(
    [
        "Drama", "Documentary", "Story", "Saga", "Tale", "Reflection", "Panorama", "Character Study", "Adventure", "Comedy",
        "Thriller", "Romance", "Fable", "Chronicle",
    ]);

    public static WordList StoryCharacters { get; } = new(
    [
        "Astronaut", "Teacher", "Dentist", "Lumberjack", "Pioneer", "Explorer", "Detective", "Scientist", "Composer", "Pilot",
        "Robot", "Dog", "Cat", "Squirrel", "Crocodile", "Monkey", "Student", "Butler", "Chef", "Hunter", "Mechanic", "Doctor",
        "Lawyer", "Secret Agent", "Database Administrator", "Psychologist", "Sumo Wrestler", "Technical Writer", "Cowboy",
        "Moose", "Shark", "Hedgehog", "Librarian", "Magician", "Beekeeper", "Sailor", "Archaeologist", "Baker",
    ]);

    public static WordList StoryVerbs { get; } = new(
    [
        "battle", "chase", "defeat", "discover", "escape", "find", "meet", "outrace", "overcome", "pursue", "reach", "redeem",
        "build", "conquer", "confront", "face", "outsmart", "befriend", "rescue", "outwit", "track down", "impress",
    ]);

    public static WordList StoryPlaces { get; } = new(
    [
        "in The Canadian Rockies", "in Ancient Japan", "in The Gulf of Mexico", "in A Manhattan Penthouse", "at A Country Fair",
        "in A Submarine", "in A Monastery", "in The Outback", "in An Abandoned Mine", "in A Jet Boat", "in A Space Station",
        "at A Waterfall", "in A Hospital", "at The Movies", "in A Lighthouse", "in A Desert Town", "on A Night Train",
        "in A Haunted Hotel", "at The Opera", "in A Small Bakery", "on A Cruise Ship", "in The Arctic",
    ]);

    public static WordList Remarks { get; } = new(
    [
        "Customer requested a callback.", "Delivered on time.", "Please double-check the address.", "Follow up next week.",
        "Looks good to me.", "Paid in full.", "Waiting for confirmation from the supplier.", "Great experience overall.",
        "Item arrived slightly damaged.", "Updated contact details.", "Needs review before approval.", "Left a voicemail.",
        "Prefers email over phone.", "Discount applied at checkout.", "Renewed for another year.", "Asked about bulk pricing.",
        "Shipping was faster than expected.", "Requested an invoice copy.", "Issue resolved after a restart.",
        "Will order again.", "Moved to the new office in March.", "Not available on weekends.", "Referred by a friend.",
        "Signed the contract today.", "Needs a quote by Friday.", "Returned the wrong size.", "Very helpful support team.",
        "Approved by the manager.", "Duplicate of an earlier request.", "Scheduled a demo for next month.",
    ]);

    /// <summary>What readers write under a post, a photo or a video. 32 lines: prime to the prose strides.</summary>
    public static WordList CommentLines { get; } = new(
    [
        "Thanks for sharing this.", "I had the same experience last year.", "Great write-up, saved for later.",
        "Not sure I agree with the last point.", "Could you say more about how you set this up?", "This is exactly what I needed today.",
        "Interesting take, I had never thought of it that way.", "Same here!", "Love this.", "Does this still work in the latest version?",
        "Well explained, thank you.", "I tried this and it worked for me.", "Any plans for a follow-up?", "This made my morning.",
        "Bookmarked.", "I think the second step is missing something.", "Really helpful, thanks.", "Beautiful photos.",
        "Where was this taken?", "Agreed, completely.", "Hard to disagree with this.", "Can you share the source?",
        "Good point about the costs.", "My team has been discussing exactly this.", "Thanks, this cleared things up.",
        "I would add one thing to the list.", "Looking forward to the next one.", "This deserves more attention.",
        "Had a good laugh at the ending.", "Finally someone said it.", "Which tools did you use?", "Sharing this with a friend.",
    ]);

    /// <summary>What customers write about what they bought or used. 31 lines.</summary>
    public static WordList ReviewLines { get; } = new(
    [
        "Works exactly as described.", "Good value for the price.", "Arrived quickly and well packed.", "Would buy again.",
        "The quality is better than I expected.", "Stopped working after two months.", "Smaller than it looks in the photos.",
        "Easy to set up, took five minutes.", "Customer service was quick to help.", "Does the job, nothing more.",
        "Five stars, no complaints.", "The instructions could be clearer.", "Comfortable and well made.", "A bit pricey but worth it.",
        "Bought a second one as a gift.", "The color is slightly different from the picture.", "Exactly what I was looking for.",
        "Sturdy and looks great.", "Had to return it, it did not fit.", "Battery lasts all day.", "Friendly staff and a quick service.",
        "Not as durable as I hoped.", "Highly recommended.", "Delivery took longer than promised.", "My kids love it.",
        "Solid build, no rattles.", "I use it every day.", "Average at best.", "Great for the price, would recommend.",
        "Packaging was damaged but the item was fine.", "Better than the previous model.",
    ]);

    /// <summary>Sentences of blog posts and articles: plain, general, in a friendly voice. 41 lines.</summary>
    public static WordList ArticleLines { get; } = new(
    [
        "Last month we set out to answer a simple question.", "It turned out to be harder than it looked.",
        "Here is what we learned along the way.", "The first step was to look at what we already had.",
        "Most teams skip this part, and it shows.", "We started small, with a single pilot project.",
        "The results surprised everyone involved.", "Costs went down while quality went up.",
        "Not everything worked on the first try.", "A few readers asked us to go into more detail.",
        "So this post walks through the process step by step.", "The key is to keep things simple.",
        "Measure before you change anything.", "Write down what you expect to happen.",
        "Then compare it with what actually happened.", "Small habits add up over a year.",
        "We talked to a dozen people who had tried the same thing.", "Their advice was remarkably consistent.",
        "Start early, ask for help, and do not wait for perfect conditions.", "The tools matter less than the routine.",
        "There is no single right answer here.", "What works for a large company may not work for a small one.",
        "That said, a few principles hold almost everywhere.", "Clear goals make every later decision easier.",
        "Feedback is most useful when it comes quickly.", "We will share more numbers in a follow-up post.",
        "In the meantime, we would love to hear how you approach this.", "The full checklist is at the end of this article.",
        "Spring is the best time to try it.", "Weekends turned out to be the busiest days.",
        "Prices have risen steadily over the last three years.", "Local groups have been doing this for decades.",
        "The new schedule starts next week.", "Registration is open until the end of the month.",
        "A short summary follows for those in a hurry.", "Thanks to everyone who contributed ideas.",
        "The idea is not new, but the timing is.", "We expect the change to take about six months.",
        "Several readers wrote in with their own tips.", "One of them is worth quoting in full.",
        "Here is the short version.",
    ]);

    public static WordList ProductFeatures { get; } = new(
    [
        "a lifetime warranty", "a soft-touch finish", "reinforced stitching", "adjustable straps", "a water-resistant coating",
        "quick-release buckles", "an ergonomic design", "fast charging", "a machine-washable cover", "recycled materials",
        "a compact fold-away frame", "a scratch-resistant surface", "all-day battery life", "a non-slip base",
    ]);

    public static WordList Industries { get; } = new(
    [
        "Software", "Retail", "Healthcare", "Financial Services", "Manufacturing", "Education", "Logistics", "Real Estate",
        "Hospitality", "Energy", "Media", "Telecommunications", "Construction", "Consulting", "Automotive", "Insurance",
        "Agriculture", "Legal Services", "Biotechnology", "Non-profit",
    ]);

    public static WordList ProductClaims { get; } = new(
    [
        "Designed for everyday use.", "Easy to clean and built to last.", "Ships in recyclable packaging.",
        "A customer favourite for years.", "Light enough to take anywhere.", "Backed by a two-year warranty.",
        "Fits neatly on any shelf.", "Assembled in minutes, no tools needed.",
    ]);

    public static WordList BioLines { get; } = new(
    [
        "Previously worked in retail and hospitality.", "Always happy to talk about good books.", "Believes in clear docs and short meetings.",
        "Volunteers at the local animal shelter.", "Coffee first, then everything else.", "Learning a third language.",
        "Runs a small blog about city walks.", "Shares a small flat with a very old cat.", "Walks an ambitious dog every morning.",
    ]);

    public static WordList Hobbies { get; } = new(
    [
        "hiking", "photography", "cooking", "chess", "cycling", "gardening", "jazz", "running", "reading", "painting", "travel",
        "yoga", "baking", "birdwatching", "woodworking", "surfing", "climbing", "pottery", "board games", "old films",
    ]);

    public static WordList BioOpenings { get; } = new(
    [
        "Passionate", "Experienced", "Curious", "Friendly", "Detail-oriented", "Award-winning", "Self-taught", "Seasoned",
    ]);

    public static WordList OrgDepartments { get; } = new(
    [
        "Sales", "Marketing", "Engineering", "Finance", "Human Resources", "Customer Support", "Operations", "Legal", "IT",
        "Product", "Research and Development", "Procurement", "Logistics", "Quality Assurance", "Administration",
    ]);

    public static WordList FilmGenres { get; } = new(
    [
        "Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary", "Drama", "Family", "Fantasy", "Horror",
        "Musical", "Mystery", "Romance", "Sci-Fi", "Sports", "Thriller", "War", "Western",
    ]);

    public static WordList MusicGenres { get; } = new(
    [
        "Rock", "Pop", "Jazz", "Blues", "Classical", "Hip Hop", "R&B", "Soul", "Electronic", "Country", "Reggae", "Metal",
        "Punk", "Folk", "Latin", "Soundtrack", "Alternative", "Indie", "World", "Gospel", "Funk", "Disco", "Ambient",
        "Bossa Nova",
    ]);

    public static WordList MediaFormats { get; } = new(
    [
        "MPEG audio file", "AAC audio file", "Protected AAC audio file", "Purchased AAC audio file", "MPEG-4 video file",
        "FLAC audio file", "WAV audio file", "Ogg Vorbis audio file", "Apple Lossless audio file",
    ]);

    public static WordList PlaylistNames { get; } = new(
    [
        "Road Trip", "Workout Mix", "Late Night", "Sunday Morning", "Focus", "Party Starters", "Throwback Hits", "Summer Vibes",
        "Rainy Day", "Coffee House", "Dinner Party", "Top 25 Most Played", "Recently Added", "Favorites", "Chill Out",
        "Morning Commute", "Study Session", "Feel Good", "Deep Cuts", "Acoustic Evenings",
    ]);

    public static WordList PlaylistSuffixes { get; } = new(["Classics", "Essentials", "Favorites", "Hits", "Mix", "Collection", "Anthems"]);

    public static WordList Tags { get; } = new(
    [
        "featured", "new", "sale", "popular", "eco", "limited", "vintage", "premium", "bestseller", "gift", "outdoor", "kids",
        "handmade", "organic", "seasonal", "clearance", "trending", "classic", "travel", "home", "office", "sport", "tech",
        "beauty", "garden", "music", "books", "health", "food", "pets",
    ]);

    public static WordList HostRoles { get; } = new(["web", "app", "db", "api", "cache", "mail", "proxy", "worker", "build", "auth", "search", "queue"]);

    public static WordList HostEnvironments { get; } = new(["prod", "staging", "dev", "internal", "eu", "us"]);

    public static WordList FileStems { get; } = new(
    [
        "report", "invoice", "contract", "photo", "scan", "summary", "budget", "presentation", "notes", "draft", "backup",
        "export", "statement", "receipt", "agenda", "minutes", "proposal", "resume", "screenshot", "logo", "banner", "plan",
        "schedule", "data", "letter", "brochure", "manual", "catalog",
    ]);

    public static WordList StreetSuffixes { get; } = new(
    [
        "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Boulevard", "Way", "Terrace", "Parkway", "Circle",
    ]);

    public static WordList FemaleSalutations { get; } = new(["Ms.", "Mrs.", "Dr.", "Miss"]);

    public static WordList MaleSalutations { get; } = new(["Mr.", "Dr."]);

    /// <summary>A MIME type with its usual extension and the sizes its files usually have, in bytes.</summary>
    internal sealed record FileKind(string Mime, string Extension, long MinBytes, long MaxBytes, int Weight);

    public static IReadOnlyList<FileKind> FileKinds { get; } =
    [
        new("application/pdf", "pdf", 20_000, 5_000_000, 25),
        new("image/jpeg", "jpg", 40_000, 6_000_000, 20),
        new("image/png", "png", 5_000, 3_000_000, 15),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", 10_000, 3_000_000, 10),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", 8_000, 10_000_000, 8),
        new("text/csv", "csv", 500, 20_000_000, 6),
        new("text/plain", "txt", 100, 200_000, 5),
        new("application/zip", "zip", 50_000, 200_000_000, 3),
        new("application/json", "json", 200, 5_000_000, 3),
        new("audio/mpeg", "mp3", 1_000_000, 15_000_000, 2),
        new("video/mp4", "mp4", 2_000_000, 900_000_000, 2),
        new("image/gif", "gif", 2_000, 4_000_000, 1),
        new("image/svg+xml", "svg", 500, 300_000, 1),
        new("text/html", "html", 1_000, 500_000, 1),
        new("application/xml", "xml", 500, 2_000_000, 1),
    ];
}
