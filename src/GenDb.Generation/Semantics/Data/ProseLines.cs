namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// Whole sentences for descriptions whose table says what they describe: work items, events
/// and courses, job ads, companies, teams, and neutral business records. Each register opens
/// with a sentence that says what the row is and goes on with details; every list's length is
/// prime to the prose strides (7, 11, 13, 17), so a value never repeats a sentence.
/// </summary>
internal static class ProseLines
{
    /// <summary>What a project, task, ticket or bug asks for, in the imperative. 31 lines.</summary>
    public static WordList WorkItems { get; } = new(
    [
        "Migrate the billing reports to the new warehouse and retire the nightly export.",
        "Add pagination to the customer list so the page loads in under a second.",
        "Fix the date picker showing the wrong month after a time zone change.",
        "Replace the hand-written CSV import with the shared parser.",
        "Send a reminder email two days before an invoice falls due.",
        "Move the staging database to the new cluster before the end of the quarter.",
        "Let admins export the audit log as a spreadsheet.",
        "Rotate the API keys used by the payment integration.",
        "Remove the old onboarding screens once the new flow is live.",
        "Show a clear error when an upload is larger than the limit.",
        "Upgrade the build server and clear out the unused pipelines.",
        "Add a search box to the order history page.",
        "Write a runbook for restoring the database from a backup.",
        "Translate the checkout pages into French and German.",
        "Cache the exchange rates instead of fetching them on every request.",
        "Merge the two supplier tables and remove the duplicates.",
        "Set up alerts for failed nightly jobs.",
        "Redesign the settings page to match the new style guide.",
        "Archive projects that have had no activity for a year.",
        "Make the mobile menu usable with a screen reader.",
        "Fix the rounding error in the monthly tax summary.",
        "Allow customers to change their delivery address after ordering.",
        "Review the access rights of former contractors and revoke what is left.",
        "Automate the weekly sales report that is currently built by hand.",
        "Investigate why the dashboard is slow on Monday mornings.",
        "Add two-factor sign-in for staff accounts.",
        "Clean up the product images that no longer belong to a product.",
        "Document the steps for releasing a new version of the app.",
        "Split the notification service so emails and text messages scale separately.",
        "Prepare the data for the annual audit.",
        "Replace the old logo on invoices and email templates.",
    ]);

    /// <summary>Context, scope and acceptance notes that follow a work item. 29 lines.</summary>
    public static WordList WorkItemNotes { get; } = new(
    [
        "Reported by three customers this week.", "Blocked until the new API version is released.",
        "Keep the old endpoint running until the mobile app is updated.", "Estimated at two days of work.",
        "Needs sign-off from the finance team before release.", "Steps to reproduce are in the first comment.",
        "Only happens on the production environment.", "Done when the change is live and the old job is switched off.",
        "Low priority, but an easy win.", "Agreed in the last planning meeting.", "Check with support before closing.",
        "Part of the data retention work planned for this quarter.", "The current workaround is to restart the service.",
        "Should not change anything for existing users.", "Add tests for the edge cases listed below.",
        "Design mockups are attached.", "Pair with the platform team on the deployment.", "Follow-up to the incident last month.",
        "Target release is the end of the next sprint.", "Needs a short note in the changelog.",
        "Affects roughly five percent of requests.", "Requested by the sales team for a large client.",
        "Depends on the database upgrade.", "No user-facing changes.", "Please update the documentation as well.",
        "Can be rolled out behind a feature flag.", "Discussed with the security team, no concerns.",
        "Measure the load time before and after.", "Ask the customer to confirm the fix.",
    ]);

    /// <summary>What an event, meetup, conference, course or class is. 29 lines.</summary>
    public static WordList EventBlurbs { get; } = new(
    [
        "A hands-on workshop on building simple data dashboards.",
        "An evening of short talks from local developers, followed by drinks.",
        "A two-day conference on retail, logistics and the future of delivery.",
        "An introduction to personal finance for beginners.",
        "A relaxed meetup for people who want to practise their Spanish.",
        "A six-week course covering the basics of photography.",
        "A half-day training session on first aid in the workplace.",
        "An open day with guided tours of the new campus.",
        "A beginner-friendly class on cooking quick weeknight meals.",
        "A panel discussion on remote work and how teams stay connected.",
        "A weekend bootcamp on web development with plenty of practice.",
        "A morning run around the park, open to all paces.",
        "A networking breakfast for small business owners.",
        "A lecture series on modern European history.",
        "A practical course on writing clear reports and emails.",
        "A community clean-up of the riverside, with gloves and bags provided.",
        "An advanced seminar on negotiation and closing deals.",
        "A family-friendly science fair with experiments for all ages.",
        "A live demo of the latest product features, with time for questions.",
        "A yoga class for beginners in a small group.",
        "A charity dinner raising funds for the local food bank.",
        "An online course on spreadsheet formulas and pivot tables.",
        "A book club meeting to discuss this month's pick.",
        "A career fair with employers from across the region.",
        "A hackathon where teams build a prototype in a single day.",
        "A masterclass in public speaking for team leads.",
        "A product launch with a keynote and hands-on stations.",
        "A quiz night in aid of the school library.",
        "A language course for travellers, covering everyday phrases.",
    ]);

    /// <summary>Practical details that follow an event or course blurb, true of either. 29 lines.</summary>
    public static WordList EventDetails { get; } = new(
    [
        "Coffee and lunch are included.", "Suitable for beginners, no experience needed.", "Bring a laptop with a recent browser installed.",
        "Places are limited, so please register early.", "The session will be recorded and shared with attendees.",
        "Doors open thirty minutes before the start.", "Materials are provided on the day.", "Free for members, a small fee for guests.",
        "Held in English, with slides shared afterwards.", "The venue is a short walk from the main station.",
        "Photos from the day will be shared afterwards.", "Tickets include access to all sessions.",
        "Refunds are available up to a week before the event.", "Full details are sent a week before the start.",
        "Please let us know about any dietary needs.", "Wheelchair access is available at the main entrance.", "Drinks and snacks will be served.",
        "Parking is free in the visitor car park.", "The group meets every second Thursday.", "Speakers will be announced next month.",
        "Sign up by the end of the week to secure a place.", "Children under twelve must be accompanied by an adult.",
        "A waiting list opens once all places are taken.", "Online attendance is possible via a live stream.",
        "Feedback forms are handed out at the end.", "Questions can be sent in advance.", "Dress comfortably and bring water.",
        "Small groups mean plenty of one-to-one time.", "Ideal for anyone returning to work after a break.",
    ]);

    /// <summary>The opening of a job ad: who is wanted, for what. 23 lines.</summary>
    public static WordList JobOpenings { get; } = new(
    [
        "We are looking for an experienced accountant to join our finance team.",
        "Join our customer support team and help people get the most out of our products.",
        "We are hiring a backend developer to work on our payments platform.",
        "We need a warehouse supervisor to lead a team of twelve on the early shift.",
        "Our sales team is growing and we are looking for an account manager.",
        "We are seeking a part-time receptionist for our city centre office.",
        "As our new marketing coordinator, you will plan and run our campaigns.",
        "We are looking for a registered nurse for our day clinic.",
        "Help us build the next version of our mobile app as a senior engineer.",
        "We are hiring a delivery driver for routes around the city.",
        "Join us as a data analyst and turn our numbers into decisions.",
        "We are looking for a project manager to lead our office move.",
        "Our kitchen needs a sous chef who loves fresh, seasonal food.",
        "We are recruiting a payroll specialist for our HR team.",
        "Come and work with us as a store manager in our flagship shop.",
        "We are looking for a graphic designer with an eye for detail.",
        "We have an opening for an IT support technician.",
        "We are hiring a recruiter to help us grow the engineering team.",
        "Join our legal team as a contracts manager.",
        "We need an electrician for installations on new housing sites.",
        "We are looking for a product owner to shape our booking tools.",
        "Our lab is looking for a research assistant for a two-year project.",
        "We are hiring a bookkeeper for three days a week.",
    ]);

    /// <summary>Requirements, terms and benefits that follow a job ad's opening. 29 lines.</summary>
    public static WordList JobDetails { get; } = new(
    [
        "You will report to the head of operations.", "At least three years of experience in a similar role.",
        "A driving licence is required.", "Full-time, with flexible start and finish times.", "Hybrid working, two days a week in the office.",
        "Fluent English is essential, a second language is a plus.", "Competitive salary and a yearly bonus.",
        "Twenty-five days of paid holiday plus public holidays.", "Training is provided for the right candidate.",
        "Experience with Excel and accounting software is expected.", "You will work closely with sales, product and support.",
        "Permanent contract after a six-month probation period.", "Weekend shifts on a rota, about once a month.",
        "We offer a pension plan and private health insurance.", "Please include a short cover letter with your application.",
        "Interviews will take place in the first two weeks of next month.", "Good communication skills and a friendly manner.",
        "You will own the process from the first call to the signed contract.", "A degree in a related field is preferred but not required.",
        "The role is based at our head office.", "Occasional travel to our other sites.", "We value a calm head under pressure.",
        "Applications close at the end of the month.", "Fixed-term contract for twelve months, with a chance to extend.",
        "Cycle-to-work scheme and free parking.", "You will mentor two junior colleagues.", "Relocation support is available.",
        "We welcome applications from all backgrounds.", "Experience with SQL is a plus.",
    ]);

    /// <summary>One line on what a company or organisation does. 29 lines.</summary>
    public static WordList Organizations { get; } = new(
    [
        "Family-owned supplier of kitchen equipment since 1987.", "Regional logistics company serving retailers across the north.",
        "Software consultancy helping small businesses move to the cloud.", "Independent publisher of travel guides and maps.",
        "Wholesale distributor of fresh fruit and vegetables.", "Design studio specialising in packaging and brand identity.",
        "Non-profit providing free legal advice to tenants.", "Manufacturer of energy-efficient windows and doors.",
        "Accounting firm working mainly with start-ups.", "Chain of fitness studios with twelve locations.",
        "Builder of custom online shops for independent brands.", "Commercial cleaning company for offices and schools.",
        "Online retailer of outdoor clothing and gear.", "Engineering firm focused on water treatment plants.",
        "Recruitment agency for hospitality and catering staff.", "Marketing agency running social media campaigns for local businesses.",
        "Maker of organic skincare products sold in pharmacies.", "Property management company looking after residential buildings.",
        "Training provider offering courses in project management.", "Printing company producing brochures, posters and labels.",
        "Health insurer for small and medium-sized companies.", "Specialist in payroll and HR software.",
        "Coffee roaster supplying cafes and restaurants.", "Research institute studying renewable energy storage.",
        "Furniture workshop making tables and shelving to order.", "Car rental company with offices at major airports.",
        "Veterinary practice group with clinics in five towns.", "Events company organising trade fairs and conferences.",
        "Telecom provider of business phone and internet plans.",
    ]);

    /// <summary>One line on what a department or team looks after. 23 lines.</summary>
    public static WordList Teams { get; } = new(
    [
        "Handles payroll, benefits and hiring for all offices.", "Looks after the company's laptops, accounts and network.",
        "Plans and runs campaigns across email, social media and events.", "Answers customer questions by phone, email and chat.",
        "Builds and maintains the customer-facing web and mobile apps.", "Manages budgets, invoices and the monthly close.",
        "Keeps the warehouses stocked and the deliveries on time.", "Negotiates contracts with suppliers and tracks their performance.",
        "Reviews contracts and advises on legal and compliance matters.", "Tests every release before it reaches customers.",
        "Runs the offices, facilities and travel bookings.", "Owns the product roadmap and works closely with engineering.",
        "Wins new business and looks after key accounts.", "Turns company data into reports and dashboards.",
        "Keeps the servers, databases and deployments running.", "Develops new products from first idea to prototype.",
        "Trains new starters and runs the internal academy.", "Manages the company's brand, website and press relations.",
        "Handles returns, repairs and warranty claims.", "Plans production schedules and orders raw materials.",
        "Protects company systems and data against security threats.", "Organises internal events and keeps everyone informed.",
        "Supports the sales team with quotes, demos and proposals.",
    ]);

    /// <summary>Neutral sentences about a business record, for descriptions whose table names no register. 31 lines.</summary>
    public static WordList BusinessLines { get; } = new(
    [
        "Used by the finance and operations teams.", "Reviewed once a quarter and updated when needed.",
        "Applies to all regions unless stated otherwise.", "Created during the move to the new system in 2022.",
        "Kept for reporting and audit purposes.", "Shared between the sales and support teams.",
        "Replaces an older entry that is no longer in use.", "Owned by the operations team.", "Only visible to administrators.",
        "Set up for the spring price review.", "Covers the standard terms for new customers.",
        "Changes take effect from the first of next month.", "Contact the office manager with any questions.",
        "Used as the default when nothing else is selected.", "Agreed with the supplier in the last contract round.",
        "Includes all locations in the northern region.", "Scheduled for review at the end of the year.",
        "Mostly used for internal planning.", "Details were confirmed by phone.", "Matches the setup in the accounting system.",
        "Linked to the main account for billing.", "Temporary arrangement until the new process is in place.",
        "Approved by the regional manager.", "Not to be used for new records.", "Valid for both online and in-store purchases.",
        "Please keep this up to date when things change.", "Follows the company's standard naming rules.",
        "Added at the request of the customer success team.", "Applies to orders above the usual minimum.",
        "Introduced to simplify monthly reporting.", "Part of the standard setup for every new site.",
    ]);
}
