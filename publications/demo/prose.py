"""Paragraphs the demo bodies are composed from.

A body is the context of its main region, two or three paragraphs of analysis from its themes,
recommendations and a conclusion about its topic. Which paragraphs a publication gets depends
only on its position in the catalogue, so every run composes the same text.
"""

REGION_CONTEXT = {
    "japan": "Japan has travelled further in ten years than in the previous half-century. The "
    "national security strategy adopted at the end of 2022 committed Tokyo to doubling defence "
    "spending to two per cent of GDP and to acquiring counterstrike capabilities, a notion "
    "that would have been politically unthinkable a decade earlier. Public opinion, long "
    "wary of anything that resembled remilitarisation, has followed: the perceived threat "
    "from China and North Korea now outweighs the memory of the war in most surveys.",
    "korea": "South Korea lives with a paradox. It is one of the most technologically advanced "
    "economies in the world and a major arms exporter, yet its security still depends on a "
    "neighbour that has tested nuclear devices six times and launches missiles at a pace "
    "unmatched in its history. Each change of government in Seoul swings policy between "
    "engagement and deterrence, while Pyongyang's programme advances regardless.",
    "china": "China's leadership has made security, rather than growth, the organising "
    "principle of its economic policy. The property sector, which once accounted for a "
    "quarter of activity, is in a slow and managed contraction; local governments are "
    "squeezed between falling land revenues and high debts; and the state channels credit "
    "towards manufacturing and strategic technologies, at the risk of adding to the "
    "overcapacity that its trading partners already denounce.",
    "india": "India is now the world's most populous country and its fastest-growing large "
    "economy, and New Delhi intends to convert that weight into influence. Its diplomacy "
    "cultivates partners in every camp, buying Russian oil while deepening its defence ties "
    "with the United States and France, and presenting itself as the voice of a Global South "
    "that is tired of choosing sides.",
    "france": "France approaches these questions with a distinctive tradition: a permanent "
    "seat on the Security Council, an independent nuclear deterrent, forces deployed from "
    "the Indian Ocean to the Pacific and a long-standing ambition for European strategic "
    "autonomy. Its constraints are no less real: high public debt, a fragmented parliament "
    "and a public opinion divided on the country's role abroad.",
    "germany": "Germany announced a Zeitenwende three days after Russia's full-scale invasion "
    "of Ukraine. The special fund of one hundred billion euros for the Bundeswehr, the end "
    "of the dependence on Russian gas and the decision to loosen the constitutional debt "
    "brake for defence spending mark real breaks with the past. Whether they add up to a new "
    "strategic culture is the question that Germany's partners keep asking.",
    "poland": "Poland has become one of the centres of gravity of European security. It "
    "spends more than four per cent of its GDP on defence, is building one of the largest "
    "land armies in Europe and hosts the logistic hub through which most Western aid to "
    "Ukraine transits. Its political weight in the European Union has grown accordingly, "
    "even if its domestic polarisation remains intense.",
    "ukraine": "Ukraine has held its ground against a much larger aggressor at a terrible cost: "
    "tens of thousands of soldiers and civilians killed, millions displaced and a fifth of "
    "its territory occupied. Its economy has shrunk and depends on external financing, yet "
    "its institutions have kept working, its reforms have continued and its candidacy for "
    "membership of the European Union has moved from aspiration to negotiation.",
    "turkey": "Turkey sees itself as a power in its own right, not as a bridge between others. "
    "It is a NATO member that bought Russian air defence systems, a candidate for EU "
    "membership whose negotiations have been frozen for years and a mediator that talks to "
    "Kyiv, Moscow and the Gulf capitals alike. Its economy, after years of inflation above "
    "fifty per cent, is only beginning to recover under a more orthodox monetary policy.",
    "egypt": "Egypt is too important to fail, and its creditors know it. With more than one "
    "hundred million inhabitants, control of the Suez Canal and a central role in the "
    "diplomacy of Gaza, Libya and Sudan, the country has secured repeated rescue packages "
    "from the Gulf states, the International Monetary Fund and the European Union. Each "
    "package buys time; none has yet changed a growth model driven by debt-financed "
    "megaprojects.",
    "sahel": "The central Sahel has changed more in five years than in the previous twenty. "
    "Military juntas have taken power in Mali, Burkina Faso and Niger, expelled French forces "
    "and the UN mission, and turned to Russia for security assistance. The jihadist groups "
    "affiliated with al-Qaeda and the Islamic State have meanwhile extended their control "
    "over the countryside, and violence against civilians has reached record levels.",
    "united-states": "Washington's choices remain the single most important variable for "
    "its allies. Across administrations, the United States has converged on a more "
    "transactional view of trade, a readiness to use tariffs and export controls as "
    "instruments of power and an expectation that Europeans and Asians carry a larger share "
    "of their own defence. What changes from one administration to the next is the tone, "
    "the predictability and the value placed on alliances as such.",
    "brazil": "Brazil is an agricultural superpower, a major oil producer and the custodian "
    "of most of the Amazon rainforest, which makes it indispensable to any serious climate "
    "agreement. Its diplomacy prizes autonomy: Brasília belongs to the BRICS, trades heavily "
    "with China and resists alignment on Ukraine, while seeking closer ties with the "
    "European Union through the long-negotiated Mercosur agreement.",
    "europe": "The European Union has proved more resilient than its critics expected. It "
    "weathered the pandemic with a common recovery fund, replaced most Russian gas within two "
    "years and has kept its unity on sanctions against Moscow. But each crisis has been "
    "managed through improvised instruments, and the Union still lacks the budget, the "
    "decision-making rules and the defence capabilities that its ambitions require.",
    "asia": "Asia concentrates both the dynamism and the fault lines of the world economy. "
    "Trade within the region has never been denser, yet military spending is rising faster "
    "there than anywhere else, territorial disputes from the East China Sea to the Himalayas "
    "remain unresolved and the competition between China and the United States structures "
    "almost every choice of the region's governments.",
    "mena": "The Middle East and North Africa remain Europe's most volatile neighbourhood. The "
    "war in Gaza has reshaped regional alignments, the Red Sea has become a theatre of attacks "
    "on shipping, and the economies of the region diverge sharply between the Gulf "
    "monarchies, flush with capital, and their indebted neighbours.",
}

THEME_ANALYSIS = {
    "security-defence": [
        "The first lesson of recent wars is that mass matters again. Precision weapons, drones "
        "and long-range fires have not made quantity obsolete; they have made it more "
        "expensive. Armies that planned for short, expeditionary operations discover that "
        "they lack ammunition stocks, air defence interceptors and the trained reserves "
        "needed to sustain a high-intensity conflict for more than a few weeks.",
        "Defence industries are the second bottleneck. Orders have multiplied since 2022, "
        "but production lines take years to expand, supply chains for explosives and "
        "electronic components are thin, and governments remain reluctant to sign the "
        "long-term contracts that would justify private investment. The result is a gap "
        "between political announcements and the equipment that actually reaches units.",
        "Alliances, finally, are being tested on burden-sharing as much as on solidarity. "
        "Partners that agree on the threat disagree on who should pay, on whether to buy "
        "national, European or American equipment, and on how much risk to accept in "
        "supporting a partner at war. These disputes are manageable, but only if they are "
        "addressed before a crisis rather than during one.",
    ],
    "nuclear": [
        "The architecture of arms control built at the end of the Cold War has almost "
        "entirely collapsed. The treaties that limited intermediate-range missiles and "
        "strategic arsenals have expired or been suspended, verification visits have stopped "
        "and the channels through which military staffs once exchanged data have fallen "
        "silent. For the first time since the 1970s, the largest nuclear powers operate "
        "without agreed limits.",
        "The nuclear landscape is also becoming tripolar. China is expanding its arsenal "
        "faster than any other state, with hundreds of new silos and a growing fleet of "
        "ballistic-missile submarines. Deterrence relationships that were once bilateral now "
        "have to take a third actor into account, which complicates every calculation of "
        "sufficiency and every proposal for reductions.",
        "Nuclear rhetoric has meanwhile become an instrument of coercion. Repeated threats to "
        "use nuclear weapons, the deployment of tactical warheads to a neighbouring country "
        "and exercises rehearsing their use aim to deter outside support for a conventional "
        "war of aggression. How allies respond to such signalling, without either yielding or "
        "escalating, is now a central question of European security.",
    ],
    "cyber": [
        "Cyber operations have not produced the decisive strategic effects that were once "
        "predicted, but they have become a permanent feature of competition below the "
        "threshold of war. Espionage campaigns against governments, sabotage of energy and "
        "telecommunication networks and ransomware attacks against hospitals and local "
        "authorities impose a steady cost that rarely triggers a collective response.",
        "The line between state and criminal actors is increasingly blurred. Intelligence "
        "services tolerate, shelter or hire criminal groups that carry out attacks for "
        "profit, while commercial spyware vendors sell capabilities that used to be reserved "
        "for a handful of states. Attribution remains possible, but it takes months, and "
        "sanctions against individuals have had little deterrent effect.",
        "Resilience is therefore the most reliable defence. The European directives on "
        "network security and on critical entities oblige thousands of companies to manage "
        "their cyber risks, report incidents and secure their supply chains. Their "
        "implementation is uneven across member states, and small operators in particular "
        "lack the skills and the budgets to comply.",
    ],
    "energy-climate": [
        "Energy security and decarbonisation, long presented as competing goals, now point in "
        "the same direction. Every wind turbine and solar panel installed in Europe reduces "
        "its exposure to volatile imports of gas, and the price shock of 2022 did more to "
        "accelerate the deployment of renewables and heat pumps than a decade of climate "
        "targets.",
        "The transition creates new dependencies, however. China dominates the refining of "
        "lithium, cobalt and rare earths and the manufacture of solar panels and batteries, "
        "and has shown its readiness to restrict exports of critical materials. Diversifying "
        "these supply chains will take years and cost money, and the countries that hold the "
        "deposits expect to capture more of the value than in the past.",
        "Climate diplomacy, finally, is increasingly a matter of finance. Developing "
        "countries argue that they cannot decarbonise and adapt to a warming climate without "
        "far larger transfers from the countries that caused most past emissions. The gap "
        "between the sums pledged at successive summits and the needs estimated by "
        "independent experts remains wide, and it colours every negotiation.",
    ],
    "economy-trade": [
        "Economic interdependence, once seen as a guarantee of peace, is now treated as a "
        "vulnerability to be managed. Governments screen foreign investments, subsidise "
        "strategic industries and map their dependencies on critical inputs. The vocabulary "
        "has changed from efficiency to resilience, and from globalisation to de-risking.",
        "The costs of this shift are real but unevenly distributed. Duplicating supply "
        "chains raises prices, subsidy races strain public budgets, and smaller economies "
        "that cannot match the fiscal firepower of the largest ones risk being left behind. "
        "Without coordination among partners, economic security policies can easily "
        "degenerate into protectionism.",
    ],
    "trade-policy": [
        "The multilateral trading system is weaker than at any time since the creation of the "
        "World Trade Organization. Its appellate body has been paralysed for years, its "
        "negotiating function has delivered little, and the major economies increasingly "
        "justify tariffs and export controls on grounds of national security that the rules "
        "were never designed to adjudicate.",
        "Trade agreements have not disappeared, but their purpose has changed. Beyond tariffs, "
        "they now carry chapters on sustainable development, digital trade, critical minerals "
        "and the resilience of supply chains. Their ratification has become more difficult as "
        "a result, as farmers, environmental groups and national parliaments claim a say "
        "over ever broader content.",
    ],
    "governance": [
        "Institutions matter most when they are under strain. Independent courts, credible "
        "electoral administrations and a free press are what allow societies to absorb "
        "shocks without violence, and they are precisely what governments under pressure are "
        "tempted to weaken. The erosion is rarely dramatic: it proceeds through appointments, "
        "procedural changes and selective prosecutions.",
        "External support for good governance has lost some of its leverage. Conditionality "
        "works when the prize is attractive and credible, as EU membership has been for "
        "candidate countries, but much less when partners can turn to other lenders and "
        "security providers who ask no questions about the rule of law.",
    ],
    "migration": [
        "Migration policies in Europe are caught between demography and politics. Ageing "
        "societies need workers in health care, construction and agriculture, yet governments "
        "compete to show that they control their borders. The result is a patchwork of "
        "restrictive asylum rules and discreet labour migration schemes that rarely speak to "
        "each other.",
        "Partnerships with countries of origin and transit have become the main instrument of "
        "European migration policy. They trade financial support and legal pathways for "
        "cooperation on border control and returns. Their results are fragile: they depend on "
        "the goodwill of governments that know the value of their cooperation, and they raise "
        "serious concerns about the treatment of migrants.",
    ],
    "technology": [
        "Technology has become a field of strategic competition in its own right. Control of "
        "the most advanced semiconductors, of the computing power needed to train large "
        "artificial intelligence models and of the data that feeds them confers economic and "
        "military advantages that governments are no longer willing to leave to markets "
        "alone.",
        "Europe regulates more than it builds. Its rules on data protection, digital markets "
        "and artificial intelligence set global standards, but its share of the companies "
        "that develop frontier technologies remains small. Closing that gap requires capital "
        "markets able to finance fast-growing firms, public procurement that takes risks and "
        "a single market that works for digital services.",
    ],
}

RECOMMENDATIONS = {
    "security-defence": "European governments should turn their political commitments into "
    "multi-year procurement contracts, pool their orders of ammunition and air defence, and "
    "plan for the reserves and the industrial surge capacity that a long war would demand. "
    "They should also agree now on how the costs will be shared, rather than leave the "
    "question to the next crisis.",
    "nuclear": "Europeans should keep arms control on the agenda even when negotiations look "
    "out of reach: proposing risk-reduction measures, supporting the verification expertise "
    "that future agreements will need and opening a frank discussion among allies on the "
    "European dimension of French and British deterrence.",
    "cyber": "Priority should go to the implementation of existing rules rather than to new "
    "ones: shared services for small operators, exercises that test the coordination between "
    "national authorities, and a doctrine for collective responses to the most serious "
    "attacks, including through sanctions that are applied consistently.",
    "energy-climate": "The European Union should pair its climate targets with an industrial "
    "strategy for the technologies of the transition, build partnerships with producer "
    "countries that share the value of their resources, and keep enough flexibility in its "
    "energy system to absorb the next supply shock.",
    "economy-trade": "Economic security works best when it is coordinated. Partners should "
    "share their assessments of dependencies, align their investment screening and export "
    "controls where their interests coincide, and keep their subsidies within agreed limits "
    "to avoid a costly race.",
    "trade-policy": "The Union should defend the rules-based system where it still works, "
    "pursue agreements with like-minded partners that can be ratified, and accept that some "
    "issues, from critical minerals to digital trade, will be settled in smaller clubs before "
    "they can be multilateralised.",
    "governance": "Support for institutions should be patient and targeted: long-term "
    "assistance to courts, electoral bodies and independent media, combined with clear and "
    "consistently applied conditions on the largest financial transfers.",
    "migration": "European policy should open more legal pathways for work and study, make "
    "asylum procedures faster and fairer, and subject partnerships with third countries to "
    "independent monitoring of how migrants are treated.",
    "technology": "Europe should invest in the layers of the technology stack where it can "
    "still lead, coordinate its export controls with its partners, and use its regulatory "
    "weight to shape international standards rather than only its own market.",
}

CONCLUSIONS = [
    "None of this is settled. The questions raised by {topic} will remain on the agenda of "
    "European governments for years, and the choices they make in the coming months will "
    "narrow or widen the options available to them later.",
    "The debate on {topic} is often framed as a choice between ambition and prudence. It is "
    "better understood as a question of sequencing: what must be decided now, what can wait, "
    "and what should be prepared quietly so that it is ready when the political moment comes.",
    "What emerges from this analysis is less a single recommendation than a change of method. "
    "Dealing with {topic} requires governments to plan over longer horizons, to coordinate "
    "with partners earlier and to explain their choices to citizens more candidly than they "
    "have done so far.",
    "Policymakers will not find easy answers on {topic}. They can, however, avoid the most "
    "common mistake, which is to treat a structural change as a passing crisis and to respond "
    "with improvised measures that are abandoned as soon as attention moves elsewhere.",
]
