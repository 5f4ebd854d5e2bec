/**
 * Common given names in England and Wales (children's and adults', from many communities), used only to
 * recognise a person next to a date. Not a complete list: a name missing here is still caught with a marker
 * (DOB, born, aged) or as "Firstname Surname (date)".
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `Aaliyah Aaron Abdul Abdullah Abigail Ada Adam Adrian Ahmed Aisha Aiden Alan Albert Alex Alexander Alexandra Alfie
  Ali Alice Alicia Alisha Alison Amanda Amara Amber Amelia Amelie Amir Amy Andrew Angela Anna Annabelle Anne Archie
  Aria Arlo Arthur Ashley Aurora Ava Ayaan Ayesha Barbara Beatrice Bella Ben Benjamin Bethany Billy Bobby Bonnie
  Brandon Caleb Callum Cameron Carl Caroline Carter Catherine Charlie Charlotte Chloe Christopher Claire Connor
  Corey Daisy Daniel Danielle David Dean Declan Demi Dexter Dylan Eden Edward Eleanor Elijah Eliza Elizabeth Ella
  Ellie Elliot Elsie Emily Emma Eric Esme Ethan Eva Evelyn Evie Ezra Fatima Finley Finn Florence Freddie Frederick
  Freya Gabriel Gary George Georgia Grayson Gracie Hamza Hannah Harley Harper Harriet Harrison Harry Harvey Hassan
  Hayden Heidi Helen Henry Hollie Holly Hugo Ibrahim Imogen Isaac Isabel Isabella Isabelle Isla Ivy Jack Jacob Jade
  Jake James Jamie Jasmine Jason Jayden Jessica Jodie Joe Joel John Jonathan Joseph Joshua Julie Justin Kai Karen
  Katie Kayden Kayla Keira Kevin Kian Kieran Kyle Lacey Laura Lauren Layla Leah Leo Leon Leonardo Lewis Liam Lilly
  Lily Logan Lola Louie Louis Louise Luca Lucas Lucy Luke Lydia Maddison Mark Martha Martin Maryam Mason Matilda
  Matthew Maisie Maya Megan Mia Michael Michelle Mila Millie Mohammad Mohammed Molly Muhammad Musa Nathan Nancy
  Naomi Natalie Nathaniel Neil Niamh Nicola Noah Nova Oakley Olive Oliver Olivia Omar Oscar Paige Patrick Paul
  Peter Phoebe Poppy Rachel Rebecca Reggie Rhys Riley Robert Robyn Ronnie Rosie Rory Ruby Ryan Samantha Samuel
  Sarah Scarlett Sebastian Sienna Sofia Sophia Sophie Stanley Stephen Steven Susan Tamsin Teddy Theo Theodore
  Thomas Toby Tommy Tyler Victoria Violet Willow Yusuf Zachary Zain Zara Zoe Zofia Kacper Jakub Oskar Wiktoria
  Amelia Olamide Tobi Kwame Ama Priya Arjun Aarav Anaya Ishaan Kiara Rohan Sana Haris Inaya Deja Tianna Marcel
  Kofi Kwabena Kojo Yaw Abena Akosua Adwoa Chidi Chiamaka Chinedu Emeka Ngozi Tunde Ayo Femi Dami Bisi Kemi Zainab
  Amina Aminata Mariam Khadija Hafsa Safiya Sumaya Ayan Abdi Hodan Ilhan Idris Ismail Bilal Hamid Tariq Imran Faisal
  Rayan Reyansh Vihaan Advik Aditi Diya Riya Saanvi Harpreet Gurpreet Jaspreet Simran Navdeep Manpreet Amrit
  Jannat Nadia Layla Yasmin Leila Samira Anas Zayn Zayd Eesa Isa Maryam Nikola Natalia Julia Zuzanna Maja Lena
  Filip Szymon Antoni Mateusz Dawid Andrei Ioana Elena Maria Mihai Alexandru Bogdan Darius Luka Marko Ana Sara
  Shanice Tyrone Jermaine Kayden Keon Malik Nia Imani Jada Aaliyah Kenzie Tia Demarco Reuben Rafael Santiago
  Mateo Diego Lucia Carmen Ines Zoë Chloé Renée Noémie José Ciarán Seán Aoife Siobhán Oisín Niall Eoin Cian`
    .split(/\s+/)
    .filter((n) => n !== ''),
);

/**
 * Given names that are also ordinary words or months. They count only with a surname after them, so that
 * "May 2015" or "Grace period" never reads as a person while "Grace Miller" does.
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = new Set(
  `April May June Summer Autumn Grace Hope Faith Joy Rose Will Bill Frank Mark Jack Dawn Holly Ivy Iris Sky Rain
  Star Amber Ruby Violet Jade Pearl Storm River Brook Hunter Mason Bishop Major Sunny Patience Precious Blessing`
    .split(/\s+/)
    .filter((n) => n !== ''),
);
