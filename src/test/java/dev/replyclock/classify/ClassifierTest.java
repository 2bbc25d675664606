package dev.replyclock.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the classifier promises, one behaviour at a time. */
class ClassifierTest {

    private final Classifier c = Classifier.builtIn();
    /** The rules without the learned models, for what the rules themselves must read. */
    private final Classifier rulesAlone = Classifier.fromRules(SignalRules.builtIn(), LearnedModel.NONE, LearnedModel.NONE);

    private Tier tier(String text) {
        return c.classify(text).tier();
    }

    /** The text is a complaint, and a signal of {@code family} says so (not only the learned model). */
    private void assertComplaintBy(String family, String text) {
        Classification r = c.classify(text);
        assertEquals(Tier.COMPLAINT, r.tier(), text);
        assertTrue(r.signals().stream().anyMatch(sig -> sig.family().equals(family)), text + ": " + r.signals());
    }

    /** The rules themselves, without the learned models, read each text as standard. */
    private void assertRulesAloneReadStandard(String... texts) {
        assertRulesAloneRead(Tier.STANDARD, texts);
    }

    /** Urgent by the rules themselves, not only by the learned urgency model. */
    private void assertRulesAloneReadUrgent(String... texts) {
        assertRulesAloneRead(Tier.URGENT, texts);
    }

    /** No complaint by the full classifier, rules and learned models together (the model must not add one). */
    private void assertNoComplaint(String... texts) {
        for (String text : texts) {
            Classification r = c.classify(text);
            assertNotEquals(Tier.COMPLAINT, r.tier(), text + ": " + r.signals());
        }
    }

    private void assertRulesAloneRead(Tier tier, String... texts) {
        for (String text : texts) {
            Classification r = rulesAlone.classify(text);
            assertEquals(tier, r.tier(), text + ": " + r.signals());
        }
    }

    @Test
    void damageIsAComplaintInEveryInflection() {
        for (String s : new String[] {"le vase est cassé", "la tasse est cassée", "les verres sont cassés",
                "LA LAMPE EST CASSEE", "the box was damaged", "it is broken", "the screen cracked"}) {
            assertEquals(Tier.COMPLAINT, tier(s), s);
        }
    }

    @Test
    void mostSevereTierWins() {
        assertEquals(Tier.COMPLAINT, tier("URGENT : le colis est arrivé endommagé"));
    }

    @Test
    void negatedUrgencyIsStandard() {
        assertEquals(Tier.STANDARD, tier("Ce n'est pas urgent, mais avez-vous la facture ?"));
        assertEquals(Tier.STANDARD, tier("No rush, just asking about sizes"));
        assertEquals(Tier.STANDARD, tier("rien de cassé, tout va bien"));
    }

    @Test
    void hypotheticalDamageIsStandard() {
        assertEquals(Tier.STANDARD, tier("Si le colis arrive cassé, je peux le renvoyer ?"));
        assertEquals(Tier.STANDARD, tier("If it arrives damaged, what do I do?"));
    }

    @Test
    void aConditionAskedAboutCarriesPastItsClause() {
        assertEquals(Tier.STANDARD, tier("If my order arrives broken, do you refund?"));
        assertEquals(Tier.STANDARD, tier("Si la lampe arrive fêlée, vous me remboursez ?"));
        assertEquals(Tier.COMPLAINT, tier("The charger stopped working. If I send it back, do you refund?"),
                "the failure stated before the condition still counts");
    }

    @Test
    void whatAClauseThanksForIsNotUrgentNorADemand() {
        assertEquals(Tier.STANDARD, tier("Merci pour votre réponse si rapide, bonne soirée !"));
        assertEquals(Tier.STANDARD, tier("Thanks for sorting my refund so quickly, you're stars"));
        assertEquals(Tier.COMPLAINT, tier("Thanks a lot for the smashed teapot."), "sarcasm about damage still counts");
        assertEquals(Tier.URGENT, tier("Thanks for the reply, but where is my parcel?"), "a new clause is not thanked");
    }

    @Test
    void anotherShopsProblemIsNotOurs() {
        assertEquals(Tier.STANDARD, tier("My previous kettle from another brand leaked after a week, is yours sturdier?"));
        assertEquals(Tier.STANDARD, tier("J'ai acheté chez un concurrent et le tapis est arrivé déchiré, les vôtres sont mieux emballés ?"));
    }

    @Test
    void aPublicReviewThreatIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("Fix this today or I'm posting screenshots of this chat on Trustpilot"));
        assertEquals(Tier.COMPLAINT, tier("Je vais tout balancer sur les réseaux sociaux si personne ne répond"));
    }

    @Test
    void anAvocadoIsNotALawyer() {
        assertEquals(Tier.STANDARD, tier("Vous avez le plaid imprimé en forme d'avocat en bleu ?"));
        assertEquals(Tier.COMPLAINT, tier("Sans nouvelles d'ici lundi, je transmets le dossier à mon avocat."));
    }

    @Test
    void greetingsAndRestocksAreNotDeadlinesNorOrders() {
        assertEquals(Tier.STANDARD, tier("Joyeuses fêtes à toute l'équipe et à l'année prochaine !"));
        assertEquals(Tier.STANDARD, tier("When does the linen dress come back in stock?"));
    }

    @Test
    void aCustomerLeavingIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("Franchement, c'est ma dernière commande chez vous."));
        assertEquals(Tier.COMPLAINT, tier("That's it, I'm taking my business elsewhere."));
        assertEquals(Tier.STANDARD, tier("Comment résilier mon abonnement en ligne ?"), "asking how is not a threat");
    }

    @Test
    void askedWithoutAndGotWithIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("J'avais demandé sans fromage et la pizza en est couverte."));
    }

    @Test
    void breakingARoutineAndAPressedCheeseAreNoSignalsForTheRulesThemselves() {
        assertRulesAloneReadStandard("Pour casser la routine, vous organisez des ateliers le samedi ?",
                "Je cherche un fromage à pâte pressée non cuite pour une raclette, vous avez ?");
    }

    @Test
    void aPressIsAMachineNotAHurry() {
        assertRulesAloneReadStandard("Vous louez aussi la presse à raisin pour les vendanges de septembre ?");
    }

    @Test
    void someoneElsesNameOnTheOrderIsAWrongItem() {
        assertComplaintBy("wrong-item", "Les casquettes brodées portent le nom d'un autre club que le nôtre.");
    }

    @Test
    void aTapThatHissesAfterAServiceIsAComplaint() {
        assertComplaintBy("damage", "Depuis la révision, le robinet du poêle fuse quand je l'ouvre.");
    }

    @Test
    void leavingForACompetitorIsAThreatNotAnotherShopsProblem() {
        assertComplaintBy("churn-threat", "Je résilie mon abonnement au club de lecture et je pars chez une autre librairie.");
    }

    @Test
    void proofSentInCaseOfDoubtIsNoCondition() {
        assertComplaintBy("damage", "En cas de doute, voici la photo : le miroir est bien arrivé fendu.");
    }

    @Test
    void quickSmartAndFourthGearAreUrgent() {
        assertEquals(Tier.URGENT, tier("Quick smart please, the van needs its roof rack back on."));
        assertEquals(Tier.URGENT, tier("Vous pouvez me rappeler en quatrième vitesse pour le devis ?"));
    }

    @Test
    void feelingLikeAFraudIsNoAccusation() {
        assertRulesAloneReadStandard("I feel like such a fraud at the wall, do you run technique classes?");
    }

    @Test
    void aCoverThatIsBrokenIsNoQuestionAboutWhatAWarrantyCovers() {
        assertComplaintBy("damage", "The hot tub cover's broken along the hinge.");
    }

    @Test
    void waitingWithoutACallIsANoShow() {
        assertComplaintBy("no-show", "On a attendu le traiteur jusqu'à 15 h. Zéro appel, zéro excuse.");
    }

    @Test
    void aDomedLidIsSpoiledFood() {
        assertComplaintBy("damage", "Trois bocaux sur six avaient le couvercle bombé à l'ouverture.");
    }

    @Test
    void aNamedFundInstalmentsAndACandyAreNoSignalsForTheRulesThemselves() {
        assertRulesAloneReadStandard("Le « fonds d'urgence » de l'association couvre-t-il les frais de transport ?",
                "Money's tight this month, could I pay the tuition in two payments?",
                "Are the 'broken glass' candy shards gluten-free? It's for a haunted-house party.");
    }

    @Test
    void howTheCustomerWasTreatedIsAComplaint() {
        assertComplaintBy("anger", "Quinze ans de fidélité au club, et voilà comment on est traités.");
    }

    @Test
    void oneTooManyAndPapersForTheSolicitorAreNoSignalsForTheRulesThemselves() {
        for (String text : List.of("Je voudrais renvoyer un paquet de café, j'en ai commandé un de trop.",
                "Please send a courier now, papers for the solicitor at 4 Dock Road.")) {
            Classification r = rulesAlone.classify(text);
            assertTrue(r.signals().stream().noneMatch(sig -> sig.tier() == Tier.COMPLAINT), text + ": " + r.signals());
        }
    }

    @Test
    void breakingOnesPipeIsDyingNotDamage() {
        assertEquals(Tier.URGENT, tier("Mon oncle a cassé sa pipe, il nous faut des fleurs pour samedi."));
    }

    @Test
    void kindlyConfirmWhenAsksWhereTheOrderIs() {
        assertEquals(Tier.URGENT, tier("Good day, kindly confirm when my order of brass hinges will be dispatched."));
    }

    @Test
    void sortItQuickIsUrgent() {
        assertEquals(Tier.URGENT, tier("Hi, could you sort the invoice address quick? The accountant is here"));
    }

    @Test
    void aPoliceReportOrAnEmergencyNumberIsNotAboutUs() {
        assertEquals(Tier.STANDARD, tier("Je dois porter plainte pour le vol de mon sac, il me faut la facture du téléphone."));
        assertEquals(Tier.STANDARD, tier("En cas d'urgence un dimanche, qui faut-il appeler ?"));
    }

    @Test
    void aFearThatDidNotComeTrueIsStandard() {
        assertEquals(Tier.STANDARD, tier("J'avais peur qu'il arrive cassé mais il est parfait, merci"));
        assertEquals(Tier.STANDARD, tier("I was worried it would arrive damaged, but it's flawless!"));
    }

    @Test
    void conditionalThreatStillCounts() {
        assertEquals(Tier.COMPLAINT, tier("If nothing happens this week I will file a chargeback"));
    }

    @Test
    void negationEndsWithTheClause() {
        assertEquals(Tier.COMPLAINT, tier("Pas de souci pour la livraison. Par contre le pied est cassé."));
    }

    @Test
    void wordsInsideWordsAreNotSignals() {
        for (String s : new String[] {"une casserole en fonte", "le casse-noix en noyer", "je suis urgentiste",
                "La Complainte du progrès", "export as plaintext", "vous cassez les prix ?", "shatterproof cups"}) {
            assertEquals(Tier.STANDARD, tier(s), s);
        }
    }

    @Test
    void idiomsCountByMeaning() {
        assertEquals(Tier.STANDARD, tier("Je me suis cassé la tête pour choisir la taille"));
        assertEquals(Tier.COMPLAINT, tier("Ça m'a cassé les pieds, trois semaines sans réponse"));
    }

    @Test
    void cyrillicGreekAndFullwidthLookalikesStillMatch() {
        assertEquals(Tier.COMPLAINT, tier("le mixeur est c\u0430ss\u00e9"));
        assertEquals(Tier.COMPLAINT, tier("it came br\u043eken"));
        assertEquals(Tier.URGENT, tier("\uff35\uff32\uff27\uff25\uff2e\uff34 please"));
        assertEquals(Tier.COMPLAINT, tier("\u0392ROKEN lid"));
        // capitals that look like a capital I (Cyrillic І, Greek Ι): their confusable skeleton is "l", as an I's is
        assertEquals(Tier.URGENT, tier("NEED THE CHARGER SENT R\u0406GHT AWAY"));
        assertEquals(Tier.COMPLAINT, tier("C'EST \u0399NADM\u0399SS\u0399BLE"));
    }

    @Test
    void zeroWidthAndDecomposedAccentsAreIgnored() {
        assertEquals(Tier.COMPLAINT, tier("ab\u200bîmé"));
        assertEquals(Tier.COMPLAINT, tier("arn\u2060aque"));
        assertEquals(Tier.COMPLAINT, tier("endommage\u0301"));
    }

    @Test
    void typosRepeatsSpacingAndLeetspeakStillMatch() {
        assertEquals(Tier.URGENT, tier("urgnet svp"));
        assertEquals(Tier.COMPLAINT, tier("je vais deposer une plainet"));
        assertEquals(Tier.URGENT, tier("c urgeeeeent"));
        assertEquals(Tier.URGENT, tier("c'est u r g e n t"));
        assertEquals(Tier.COMPLAINT, tier("headphones are br0ken"));
        assertEquals(Tier.COMPLAINT, tier("s c a m m e r s"));
    }

    @Test
    void shortCommonWordsAreNotTakenForTypos() {
        assertEquals(Tier.STANDARD, tier("Vous avez une autre marque de crème ?"));
        assertEquals(Tier.STANDARD, tier("On peut payer en argent liquide en boutique ?"));
    }

    @Test
    void orderQuestionsAreUrgentButCatalogueQuestionsAreNot() {
        assertEquals(Tier.URGENT, tier("Where is my order?"));
        assertEquals(Tier.URGENT, tier("qd est-ce que ma cmd sera expédiée ?"));
        assertEquals(Tier.STANDARD, tier("When does the summer collection come out?"));
        assertEquals(Tier.URGENT, tier("I need it before Saturday"));
    }

    @Test
    void signalsExplainWhatMatchedAndWhere() {
        String text = "Bonjour, mon colis est arrivé CASSÉ !";
        Classification result = c.classify(text);
        Signal s = result.signals().get(0);
        assertEquals("damage", s.family());
        assertEquals(Tier.COMPLAINT, s.tier());
        assertEquals("casse", s.matched());
        assertEquals("CASSÉ", text.substring(s.start(), s.end()));
    }

    @Test
    void spanCoversLookalikeAndZeroWidthCharacters() {
        String text = "very urg\u200bеnt";
        Signal s = c.classify(text).signals().get(0);
        assertEquals("urg\u200bеnt", text.substring(s.start(), s.end()));
    }

    @Test
    void plainQuestionsHaveNoSignals() {
        Classification r = c.classify("Bonjour, quels sont vos horaires d'ouverture le dimanche ?");
        assertEquals(Tier.STANDARD, r.tier());
        assertTrue(r.signals().isEmpty());
    }

    @Test
    void badInputIsClassifiedWithoutException() {
        assertEquals(Tier.STANDARD, tier(null));
        assertEquals(Tier.STANDARD, tier(""));
        assertEquals(Tier.STANDARD, tier("\ud800\udc00\ud800 lone \udc00 surrogates \ud83d"));
        assertEquals(Tier.STANDARD, tier("\u0000\u0001\u0007\u001b[31m control \u007f"));
        assertEquals(Tier.STANDARD, tier("😀🎉👍🔥💯"));
        assertEquals(Tier.COMPLAINT, tier("\ud800 cassé \udfff"));
    }

    @Test
    void oneMegabyteOfTextIsClassifiedInBoundedTime() {
        StringBuilder b = new StringBuilder(1_000_000);
        while (b.length() < 1_000_000) {
            b.append("Bonjour, je voudrais savoir si la robe existe en bleu et en taille 38. ");
        }
        b.append("Le colis est arrivé cassé.");
        String big = b.toString();
        // A hang guard only; speed is measured by the JMH benchmark, not here.
        Classification r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> c.classify(big));
        assertEquals(Tier.COMPLAINT, r.tier());
        assertFalse(r.signals().isEmpty());
    }

    @Test
    void classifyingIsThreadSafe() throws Exception {
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                boolean good = true;
                for (int k = 0; k < 2000; k++) {
                    good &= c.classify(k % 2 == 0 ? "the box was damaged" : "what sizes?").tier()
                            == (k % 2 == 0 ? Tier.COMPLAINT : Tier.STANDARD);
                }
                ok[n] = good;
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (boolean b : ok) {
            assertTrue(b);
        }
    }

    // ------------------------------------------------------------ complaints without a complaint word (frames)

    @Test
    void itemsMissingFromADeliveredParcelAreAComplaint() {
        for (String s : new String[] {"Unboxed the bookcase and there are no shelves in the box",
                "y'a pas de câble dedans, juste la manette", "only two of the six glasses came",
                "J'ai reçu la table mais pas les chaises qui vont avec"}) {
            assertEquals(Tier.COMPLAINT, tier(s), s);
        }
    }

    @Test
    void orderedOneThingReceivedAnotherIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("I ordered the oak desk and you sent me a glass one"));
        assertEquals(Tier.COMPLAINT, tier("J'ai commandé une veste en M, j'ai reçu du XXL"));
    }

    @Test
    void aConfirmationEmailIsNotAWrongItem() {
        assertEquals(Tier.STANDARD, tier("I ordered the oak desk and got a confirmation email, do you sell the chair too?"));
    }

    @Test
    void aDoubleChargeOrAnAmountTakenAboveTheAmountShownIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("Vous m'avez prélevé deux fois pour la même lampe"));
        assertEquals(Tier.COMPLAINT, tier("The site said 45 € but my statement shows 65 € taken"));
    }

    @Test
    void moneyTakenTwiceOrTheDifferenceAskedBackIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("£30 went out twice for one phone case, please sort it"));
        assertEquals(Tier.COMPLAINT, tier("The promo was 49 but you took 79, kindly refund the difference"));
        assertEquals(Tier.COMPLAINT, tier("Merci de me rembourser la différence entre le prix affiché et le prix payé"));
    }

    @Test
    void beingAskedToPayASecondTimeIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("3 prélèvements pour une commande ?? et 2 prélèvements le mois d'avant"));
        assertEquals(Tier.COMPLAINT, tier("Paid online already and now the driver wants me to pay again"));
    }

    @Test
    void aBusinessCustomersBillingDisputeIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("Invoice 5521 bills the cartons above the agreed price, please issue a credit note"));
        assertEquals(Tier.COMPLAINT, tier("Facture 880 : merci de rectifier, 10 h facturées pour 3 h sur place"));
        assertEquals(Tier.COMPLAINT, tier("Livré 20 tables en 80 cm alors que la commande portait sur du 120 cm"));
        assertEquals(Tier.COMPLAINT, tier("PO 7710 was 40 crates; 32 came off the truck, yet your invoice charges for 40"));
        assertEquals(Tier.COMPLAINT, tier("Vous nous avez livré de la farine T45 au lieu de la T55 commandée"));
    }

    @Test
    void chargedAfterCancellingIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("I cancelled the plan in March and you still charged me in April"));
        assertEquals(Tier.COMPLAINT, tier("J'ai résilié en janvier, vous m'avez prélevé 12 € hier"));
    }

    @Test
    void aProductFallingShortOfWhatWasPromisedIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("The vacuum runs ten minutes whereas the listing promised forty"));
        assertEquals(Tier.COMPLAINT, tier("Les assiettes ressortent sales du lave-vaisselle neuf"));
        assertEquals(Tier.COMPLAINT, tier("The filter you sent has a different part number from my order"));
    }

    @Test
    void partsLeftOutOfTheBoxOrBeingCheatedInOtherWordsIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("La boîte ne contenait ni la télécommande ni le câble"));
        assertEquals(Tier.COMPLAINT, tier("The lamp arrived without the bulb or the shade"));
        assertEquals(Tier.COMPLAINT, tier("Franchement je me suis fait rouler avec ce matelas"));
        assertEquals(Tier.COMPLAINT, tier("Je me suis bien fait entuber sur ce casque"));
        assertEquals(Tier.COMPLAINT, tier("Commandé un câble USB-C, dans le colis c'est un câble micro USB"));
    }

    @Test
    void somethingCoveredInStainsIsDamageNotAWarrantyQuestion() {
        assertEquals(Tier.COMPLAINT, tier("Le tapis est couvert de taches noires à la livraison"));
        assertEquals(Tier.COMPLAINT, tier("The cushion cover set came with a rip along the zip"));
        assertEquals(Tier.COMPLAINT, tier("One of the stools has a split running down its leg"));
        assertEquals(Tier.STANDARD, tier("Does the care plan cover a stained sofa?"), "the warranty question stays one");
    }

    @Test
    void payingInInstalmentsIsNotADoubleCharge() {
        assertEquals(Tier.STANDARD, tier("Est-ce que le paiement en 2 fois est possible ?"));
    }

    @Test
    void aTechnicianWhoNeverCameIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("The engineer was booked for 9am and never turned up"));
        assertEquals(Tier.COMPLAINT, tier("Le livreur devait passer hier, personne n'est venu"));
    }

    @Test
    void theSameFaultBackAfterARepairIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("The washer came back from repair last week and it leaks again"));
    }

    @Test
    void aFaultDescribedByWhatTheProductDoesIsAComplaint() {
        for (String s : new String[] {"the kettle won't heat anymore", "l'écran reste noir depuis ce matin",
                "the fan keeps cutting out after five minutes", "le four ne chauffe plus"}) {
            assertEquals(Tier.COMPLAINT, tier(s), s);
        }
    }

    @Test
    void scareQuotesAroundAPromiseAreSarcasm() {
        assertEquals(Tier.COMPLAINT, tier("so much for 'express' shipping, two weeks and counting"));
        assertEquals(Tier.STANDARD, tier("Is 'Express' shipping available to Lyon?"));
    }

    // ------------------------------------------------------------ signal words used in another sense

    @Test
    void aCollectionOrDeliveryHoursAskedAboutAreNoOrder() {
        assertEquals(Tier.STANDARD, tier("La nouvelle collection arrive quand en magasin ?"));
        assertEquals(Tier.STANDARD, tier("Vous livrez jusqu'à quelle heure le samedi ?"));
    }

    @Test
    void aProblemSaidToBeOverIsNoComplaintInItsClause() {
        assertEquals(Tier.STANDARD, tier("The duplicate payment was reversed yesterday, cheers"));
        assertEquals(Tier.STANDARD, tier("Merci d'avoir remplacé la théière fêlée, elle est superbe"));
        assertEquals(Tier.STANDARD, tier("Ignore my last message about the missing cable, I found it in the box"));
        assertEquals(Tier.COMPLAINT, tier("The first kettle works perfectly now, but the second one arrived dented"),
                "another clause keeps its complaint");
        assertEquals(Tier.COMPLAINT, tier("The screen was replaced in May and it is cracked again"),
                "a replacement is no end of the problem when it comes back");
    }

    @Test
    void anotherShopsProblemIsNotAComplaintAboutUs() {
        assertEquals(Tier.STANDARD, tier("I bought a toaster elsewhere and it burnt out, is yours better built?"));
        assertEquals(Tier.STANDARD, tier("Chez mon ancien fournisseur tout arrivait cassé, vous emballez comment ?"));
        assertEquals(Tier.STANDARD, tier("Our current supplier keeps delivering damaged pallets, could you send a quote?"));
    }

    @Test
    void anEmptyParcelIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("The box was empty apart from the packing paper"));
        assertEquals(Tier.COMPLAINT, tier("Le colis est arrivé vide, juste du papier"));
    }

    @Test
    void spacedLettersRunningIntoTheNextWordStillSpellTheSignal() {
        assertEquals(Tier.URGENT, tier("A S A P I need the invoice"));
    }

    @Test
    void foodsAndProductQuestionsNamedWithASignalWordAreNotSignals() {
        for (String s : new String[] {"Vous avez de la pâte brisée bio ?", "La centrifugeuse fait-elle du jus pressé à froid ?",
                "Le lit superposé est-il livré monté ?", "Is the crushed velvet throw machine washable?",
                "How wide is the rush mat?", "Do you stock the emergency blanket in gold?",
                "Je travaille aux urgences, vous avez des sabots antidérapants ?"}) {
            assertEquals(Tier.STANDARD, tier(s), s);
        }
    }

    @Test
    void theFirstPartOfAHyphenatedCompoundIsNotASignal() {
        for (String s : new String[] {"Le presse-agrumes passe au lave-vaisselle ?", "Vous avez des brise-vue ?",
                "Do you stock crash-test dummies for kids?"}) {
            assertEquals(Tier.STANDARD, tier(s), s);
        }
        assertEquals(Tier.COMPLAINT, tier("the lid arrived water-damaged"), "a signal at the end of a compound counts");
    }

    @Test
    void signalWordsInTitlesAndNamesAreNotSignals() {
        assertEquals(Tier.STANDARD, tier("Avez-vous le DVD « Urgences » saison 2 ?"));
        assertEquals(Tier.STANDARD, tier("Do you still carry the Rush Hour puzzle?"));
        assertEquals(Tier.URGENT, tier("Subject: Urgent Delivery Request for order 4411"), "a title-case subject line still counts");
    }

    // ------------------------------------------------------------ hypotheticals in other forms

    @Test
    void invertedConditionalsAndCoverageQuestionsAreHypothetical() {
        assertEquals(Tier.STANDARD, tier("Should the mirror arrive cracked, can I get a refund?"));
        assertEquals(Tier.STANDARD, tier("Pour peu que l'écran arrive fêlé, je le renvoie comment ?"));
        assertEquals(Tier.STANDARD, tier("God forbid the drone gets damaged abroad, do you repair it there?"));
        assertEquals(Tier.STANDARD, tier("How much is the mirror, and should it arrive cracked who pays the return?"));
        assertEquals(Tier.STANDARD, tier("Were a glass to crack in transit, would you send another?"));
        assertEquals(Tier.STANDARD, tier("Say the lamp turns up cracked, do I post it back?"));
        assertEquals(Tier.STANDARD, tier("Does the warranty cover accidental drops or a cracked screen?"));
        assertEquals(Tier.STANDARD, tier("En cas de casse pendant le transport, qui rembourse ?"));
    }

    @Test
    void pleaseIsNoCondition() {
        // "s'il" is also "if it": in "s'il vous plaît" it sets no condition, with or without a comma after it
        assertEquals(Tier.URGENT, tier("s'il vous plait c'est urgent"));
        assertEquals(Tier.URGENT, tier("s il te plait envoie le vite c est urgent"));
        assertEquals(Tier.STANDARD, tier("S'il arrive cassé, je peux le renvoyer ?"), "\"s'il arrive\" still is one");
    }

    @Test
    void anIndirectQuestionIsNotAHypothetical() {
        assertEquals(Tier.URGENT, tier("Can you tell me if my order has shipped?"));
        assertEquals(Tier.URGENT, tier("Just checking whether the wardrobe has been dispatched"));
    }

    // ------------------------------------------------------------ urgency without "urgent"

    @Test
    void aQuestionAboutTheCustomersOwnOrderIsUrgentWithoutAQuestionWord() {
        assertEquals(Tier.URGENT, tier("Has my order shipped? #64120"));
        assertEquals(Tier.URGENT, tier("ma commande est partie ?"));
        assertEquals(Tier.URGENT, tier("was order #6650 dispatched today"));
        assertEquals(Tier.URGENT, tier("has 55120 gone out yet"));
        assertEquals(Tier.URGENT, tier("Is my parcel coming today or on Monday?"));
        assertEquals(Tier.URGENT, tier("hi any news on my order #5520"));
        assertEquals(Tier.URGENT, tier("Bonsoir, et ma commande alors ? 88120"));
        assertEquals(Tier.URGENT, tier("Just a gentle nudge on order 4410, it was due yesterday"));
        assertEquals(Tier.URGENT, tier("wear is my parcel its been a week"));
        assertEquals(Tier.URGENT, tier("Mon colis est en cours d'acheminement depuis cinq jours, vous pouvez voir ?"));
        assertEquals(Tier.URGENT, tier("When will the phone be repaired? I fly out on the 3rd"));
        assertEquals(Tier.URGENT, tier("Je ne trouve pas mon numéro de suivi pour la commande 8812"),
                "not finding the tracking is asking for it, not a negation");
    }

    @Test
    void anOrderNotReceivedYetIsUrgentAndItsNegationNegatesNothingAfterIt() {
        assertEquals(Tier.URGENT, tier("Je n'ai pas encore reçu mon colis, il est où ?"));
        assertEquals(Tier.URGENT, tier("pas encore recu ma commande, c'est pour quand ?"));
        assertEquals(Tier.URGENT, tier("Still haven't got my order, just chasing up the delivery"));
        assertEquals(Tier.URGENT, tier("Pouvez-vous me dire à quelle date le canapé sera livré ?"));
    }

    @Test
    void aDelayAskedToBeShortIsNoFailure() {
        // "répondre au plus vite": the "plus" of "au plus vite" is no "ne ... plus" of a device that fails
        assertEquals(Tier.URGENT, tier("Merci de me répondre au plus vite concernant l'échange."));
        assertEquals(Tier.URGENT, tier("Pouvez-vous répondre le plus vite possible ?"));
        assertEquals(Tier.COMPLAINT, tier("Le thermostat ne répond plus depuis hier"), "a real failure still is one");
    }

    @Test
    void aChargebackThreatAfterItsConditionIsAComplaint() {
        assertEquals(Tier.COMPLAINT, tier("Sans remboursement lundi, je passe par ma banque pour contester le prélèvement."));
        assertEquals(Tier.COMPLAINT, tier("If the money isn't back by Monday I'm filing a chargeback."));
    }

    @Test
    void tiredAfterAGoodDayOrAProcedureAskedAboutIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Cassée de fatigue après le déménagement mais contente, vous livrez les rideaux ?"));
        assertEquals(Tier.STANDARD, tier("My back is broken after painting all weekend, do you sell a roller extension?"));
        assertEquals(Tier.STANDARD, tier("Où puis-je consulter votre procédure de réclamation ?"));
        assertEquals(Tier.STANDARD, tier("Avez-vous des brisures de chocolat noir en vrac ?"));
    }

    @Test
    void waitingAtHomeAllDayForNobodyIsANoShow() {
        assertComplaintBy("no-show", "Sat at home all day for the washer delivery and got a 'sorry we missed you' card.");
    }

    @Test
    void anotherShopsProblemNamedAfterItIsNotOurs() {
        assertEquals(Tier.STANDARD, tier("J'ai eu un aspirateur en panne au bout d'un mois chez un autre vendeur. Vous avez le modèle X12 ?"));
        assertEquals(Tier.STANDARD, tier("Got a dented kettle from another shop last month, how do you pack yours?"));
        assertEquals(Tier.COMPLAINT, tier("The kettle from you arrived dented. Another shop sells it cheaper too."),
                "a later sentence about another shop leaves ours alone");
    }

    @Test
    void aProblemSaidToBeSettledAfterItIsOver() {
        assertEquals(Tier.STANDARD, tier("The scratched lens problem is all sorted, the new one came this morning. Thanks!"));
        assertEquals(Tier.STANDARD, tier("Le problème du tiroir cassé est réglé, merci beaucoup."));
        assertEquals(Tier.STANDARD, tier("I thought I'd be disappointed with the colour, but it's lovely."));
    }

    @Test
    void waitingCalmlyForAnOrderIsUrgentNotAComplaint() {
        assertEquals(Tier.URGENT, tier("Toujours pas reçu ma lampe, vous pouvez regarder où elle en est ?"));
        assertEquals(Tier.URGENT, tier("On n'a toujours aucune date de livraison pour l'armoire, commande 55102."));
        assertEquals(Tier.COMPLAINT, tier("Toujours pas reçu ma lampe après un mois, c'est honteux."), "angry stays a complaint");
    }

    @Test
    void namesWithASignalWordAreNoSignal() {
        assertEquals(Tier.STANDARD, tier("Do you sell the first aid pouch in a travel size?"));
        assertEquals(Tier.STANDARD, tier("Does the Emergency SOS button need a data plan?"));
        assertEquals(Tier.STANDARD, tier("My mum is a complaints handler and loves your boots. Any in size 5?"));
    }

    @Test
    void aQuestionAboutHowDeliveryUsuallyGoesIsNotAboutAnOrder() {
        assertEquals(Tier.STANDARD, tier("How long does shipping to Auckland normally take?"));
        assertEquals(Tier.STANDARD, tier("Vous livrez à Genève et il faut compter combien de jours en moyenne ?"));
        assertEquals(Tier.URGENT, tier("How long will my order take to arrive in Auckland?"), "one's own order still is");
    }

    @Test
    void aNegatorThatIsPartOfANameNegatesNothing() {
        assertEquals(Tier.COMPLAINT, tier("Le casque sans fil ne s'allume plus depuis dimanche"));
        assertEquals(Tier.COMPLAINT, tier("Rien ne s'allume sur la lampe depuis ce matin"), "nothing lights up");
    }

    @Test
    void aProductThatHarmedTheSkinIsAComplaint() {
        assertComplaintBy("damage", "Cette crème m'a donné des boutons partout sur le visage.");
        assertComplaintBy("damage", "The new shampoo gave me a rash on my scalp.");
    }

    @Test
    void theOrderAskedAboutAfterItsStateIsUrgent() {
        assertEquals(Tier.URGENT, tier("il est parti mon colis ? cmd 44120"));
    }

    @Test
    void aPriceNotFoundOrABrokenRiceIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Je ne trouve pas le prix de la lampe Nova sur votre site."));
        assertEquals(Tier.STANDARD, tier("Do you stock broken jasmine rice in 5 kg bags?"));
        assertEquals(Tier.COMPLAINT, tier("If nobody answers by Friday I'm asking my bank to reverse the payment."));
    }

    @Test
    void aQuotedEarlierMessageIsNotWhatTheCustomerSaysNow() {
        assertEquals(Tier.STANDARD, tier("Merci, tout est bien arrivé cette fois !\n\n> Le 2 juin vous avez écrit :\n"
                + "> Nous renvoyons le vase reçu brisé."));
        assertEquals(Tier.URGENT, tier(">>> URGENT: please call me about order 5512"), "a first line is the message");
    }

    @Test
    void praiseAndRecordsInSignalWordsAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Le nouveau parfum ça déchire ! Vous l'avez en 100 ml ?"));
        assertEquals(Tier.STANDARD, tier("Zero complaints so far, does the kettle descale itself?"));
        assertEquals(Tier.STANDARD, tier("Broke my record on the rowing machine this morning! Do you sell the seat pad?"));
    }

    @Test
    void partsNotInTheBoxAndSlangForHurry() {
        assertEquals(Tier.COMPLAINT, tier("The bolts for the legs are not in there, can you post them?"));
        assertEquals(Tier.URGENT, tier("Magnez-vous un peu avec la commande 5521 svp"));
        assertEquals(Tier.URGENT, tier("Could you lot get a move on with order 7781"));
    }

    @Test
    void waitingWordsOfManyPlacesAreUrgency() {
        assertEquals(Tier.URGENT, tier("Any chance of getting the sofa out to us the morra?"));
        assertEquals(Tier.URGENT, tier("pleease when is my order coming?? #55102"));
        assertEquals(Tier.URGENT, tier("order 5531 still no tracking, I leave on Sunday"), "waiting, not yet a complaint");
        assertEquals(Tier.URGENT, tier("Ma commande est pas encore arrivée, je recommence à travailler lundi pis j'en ai besoin"));
    }

    @Test
    void aThreatToTheCardCompanyAfterItsConditionIsAComplaint() {
        assertComplaintBy("formal-complaint", "If the money isn't back this week I'm disputing it with my card company.");
    }

    @Test
    void aQuotedNameWithAnArticleIsATitle() {
        assertEquals(Tier.STANDARD, tier("On a appelé l'équipe « les Brisés du Lundi », vous brodez les maillots ?"));
    }

    @Test
    void aWorryForNothingIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Je me suis inquiétée pour rien, le colis était chez le gardien. Tout est nickel !"));
    }

    @Test
    void aNameWithATitleCaseWordBeforeItIsNoSignal() {
        assertEquals(Tier.STANDARD, tier("How much is the Express Rush option for a king-size duvet?"));
        assertEquals(Tier.URGENT, tier("Hello team, rush please, order 5512"), "a plain word still counts");
    }

    @Test
    void somethingElseDeliveredInItsPlaceIsAWrongItem() {
        assertComplaintBy("wrong-item", "J'avais pris des bougies, vous m'avez livré des serviettes à la place.");
        assertComplaintBy("wrong-item", "I order 3 pack of filters but receive 1 only, order 77120");
    }

    @Test
    void moreWaysToAskWhenAndToHurry() {
        assertEquals(Tier.URGENT, tier("when's the lamp going to turn up? order 66120"));
        assertEquals(Tier.URGENT, tier("faudrait vous grouiller pour la commande 8812"));
        assertEquals(Tier.URGENT, tier("Can you push the order out tomorrow? It's for a christening"));
    }

    @Test
    void aKitForMendingBrokenThingsIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Is the glue good for mending broken china? Price please"));
        assertEquals(Tier.STANDARD, tier("My first kettle from another site fell apart, which of yours is sturdiest?"));
    }

    @Test
    void reviewsReadOrHelpThankedForAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("J'ai lu des avis négatifs sur la livraison, vous passez par quel transporteur ?"));
        assertEquals(Tier.STANDARD, tier("Thank you Paul for your help with the cracked lid, the new jar is lovely."));
        assertEquals(Tier.STANDARD, tier("My brother had a terrible experience with a different online shop, how do you pack glasses?"));
    }

    @Test
    void aDeviceThatCannotBePairedOrALeakSeenIsAComplaint() {
        assertComplaintBy("malfunction", "impossible de connecter l'enceinte au téléphone, elle reste en recherche");
        assertComplaintBy("damage", "The new kitchen tap is dripping under the sink, there's a damp patch on the cupboard.");
    }

    @Test
    void aCourierNobodySawAndADeliveryNotYetScheduled() {
        assertComplaintBy("no-show", "Le suivi indique livré mais la gardienne n'a jamais vu le livreur.");
        assertEquals(Tier.URGENT, tier("Has my sofa delivery been scheduled yet? Order 55120"));
        assertEquals(Tier.URGENT, tier("Could you speed things up a bit with order 4410?"));
    }

    @Test
    void regretNotToHaveBoughtSoonerIsPraise() {
        assertEquals(Tier.STANDARD, tier("Best pillow ever, I'm annoyed I didn't order it sooner. Do you do a king size?"));
    }

    @Test
    void aSpacedOutPhraseOfSeveralWordsStillCounts() {
        assertEquals(Tier.URGENT, tier("d e s  q u e  p o s s i b l e svp, commande 4410"));
        assertEquals(Tier.COMPLAINT, tier("f e d  u p with this order"));
    }

    @Test
    void regionalWaysToAskAndToComplain() {
        assertEquals(Tier.URGENT, tier("C'est pour quand, mon canapé ? Commandé il y a trois semaines."));
        assertEquals(Tier.URGENT, tier("Order 6612, when's it gonna get here?"));
        assertEquals(Tier.URGENT, tier("Ma commande a-t-elle quitté l'entrepôt ?"));
        assertComplaintBy("missing-item", "Bike arrived but there's no saddle in t'box, can you send one?");
        assertComplaintBy("damage", "La roue avant est voilée, elle frotte contre la fourche.");
    }

    @Test
    void aPublicReviewThreatAfterItsConditionIsAComplaint() {
        assertComplaintBy("formal-complaint", "If it's not fixed by Monday I'm putting this on Hellopeter.");
    }

    @Test
    void aDeviceStuckOnItsLogoAndAThreatToAConsumerLeague() {
        assertComplaintBy("damage", "La montre reste bloquée sur le logo depuis hier soir.");
        assertComplaintBy("formal-complaint", "Sans remboursement je saisis l'Union des consommateurs, voilà.");
    }

    @Test
    void aMarketplaceOrderOfSomeoneElseIsNotOurs() {
        assertEquals(Tier.STANDARD, tier("My sister's Amazon order came smashed, so I'd rather buy the vase from you. In stock?"));
        assertEquals(Tier.STANDARD, tier("Je me suis cassé le ciboulot à choisir, le fauteuil Oslo existe en vert ?"));
    }

    @Test
    void aReplyBelowAQuotedFirstLineIsTheMessage() {
        assertEquals(Tier.STANDARD, tier("> Le 4 mai, le support a écrit :\n> Nous renvoyons la tasse reçue cassée.\n\n"
                + "Reçue ce matin, parfaite, merci !"));
    }

    @Test
    void anotherShopNamedInsideTheFailureSetsItAside() {
        assertEquals(Tier.STANDARD, tier("Mon ancienne imprimante achetée ailleurs ne marche plus, la vôtre existe en couleur ?"));
        assertComplaintBy("malfunction", "Le grille-pain ne marche plus, je vais aller voir ailleurs.");
    }

    @Test
    void peopleWhoCannotStartAndPraiseInExcessAreNoComplaint() {
        assertEquals(Tier.URGENT, tier("Need the tiles on site by Thursday 8am or the fitters can't start."));
        assertEquals(Tier.STANDARD, tier("Stupidly good blender, ridiculous how much we use it. Do you sell spare jugs?"));
        assertEquals(Tier.STANDARD, tier("Le double débit est réglé, j'ai bien été remboursé, merci !"));
    }

    @Test
    void worldWaysToAskWhetherItWillComeInTime() {
        assertEquals(Tier.URGENT, tier("order 7731, it ship yet?"));
        assertEquals(Tier.URGENT, tier("Ordered the cot sheets, any chance they're on the truck yet?"));
        assertEquals(Tier.URGENT, tier("Ordered the boots Monday, reckon they'll be here by then?"));
        assertEquals(Tier.STANDARD, tier("Dae ye dae the blind in grey? Nae rush, we're no movin till May."));
    }

    @Test
    void idiomsOfManyPlacesAreNoSignal() {
        assertEquals(Tier.STANDARD, tier("Ma fille m'a cassé les oreilles avec ce puzzle, vous l'avez encore ?"));
        assertEquals(Tier.STANDARD, tier("Buzzin with the new boots, do yous do them in brown?"));
    }

    @Test
    void lastKindsOfTheNight() {
        assertEquals(Tier.URGENT, tier("Bhai when will my order come? 33017"));
        assertEquals(Tier.URGENT, tier("Will the place cards be with us in time? Order 7710"));
        assertEquals(Tier.URGENT, tier("il faudrait que ça dépote pour la commande 5512"));
        assertComplaintBy("no-show", "Le suivi dit livré, je n'ai vu aucun livreur de la journée.");
        assertEquals(Tier.STANDARD, tier("Vous vendez des olives cassées en bocal ?"));
        assertEquals(Tier.STANDARD, tier("My cousin got a phone off some guy online and it was a scam, so: is your Pixel 8 in stock?"));
    }

    @Test
    void aProblemSettledAfterAButIsOver() {
        assertEquals(Tier.STANDARD, tier("La boîte est arrivée écrasée mais on m'en a renvoyé une neuve, tout est beau !"));
        assertComplaintBy("damage", "The first lamp works perfectly now, but the second arrived broken.");
        assertEquals(Tier.STANDARD, tier("Avez-vous une brosse à dents souple pour enfant ?"));
        assertEquals(Tier.URGENT, tier("order 5521 ship already or not?"));
    }

    @Test
    void informalWordsForQuicklyAreUrgency() {
        for (String s : new String[] {"Renvoyez-moi la facture illico svp", "Il me faut une réponse sur-le-champ",
                "Can you post the charger sharpish"}) {
            assertEquals(Tier.URGENT, tier(s), s);
        }
    }

    @Test
    void aDeliveryAlreadyMadeIsNoDeadline() {
        assertEquals(Tier.STANDARD, tier("Everything arrived today, thanks. Do you sell the matching lampshade?"));
        assertEquals(Tier.URGENT, tier("Can it be delivered today before 6pm?"), "one still to come is");
    }

    @Test
    void anEventOnADayIsADeadline() {
        assertEquals(Tier.URGENT, tier("The cake stand is for my sister's wedding on Saturday, order 2231"));
        assertEquals(Tier.URGENT, tier("Will the banner make it in time? The party is on the 9th"));
        assertEquals(Tier.URGENT, tier("We are moving out on the 3rd, will the boxes come before that?"));
        assertEquals(Tier.URGENT, tier("J'ai besoin du costume pour le gala de samedi, commande 5530"));
        assertEquals(Tier.URGENT, tier("Please dispatch the charger tomorrow, I fly out on Monday"));
    }

    @Test
    void aTimeWithinTheDayIsUrgency() {
        assertEquals(Tier.URGENT, tier("Can someone ring me within the hour about the delivery slot?"));
        assertEquals(Tier.URGENT, tier("Could the order be ready first thing tomorrow?"));
        assertEquals(Tier.URGENT, tier("Is the fitter still coming today?"));
        assertEquals(Tier.URGENT, tier("My parcel has been stuck at the depot since Tuesday"));
        assertEquals(Tier.URGENT, tier("Just checking it's gone out, I haven't had a dispatch email"));
        assertEquals(Tier.URGENT, tier("Il faut que je change l'adresse avant la fin de la journée"));
    }

    @Test
    void noHurryOrAPurchaseNotMadeYetDropsInferredUrgency() {
        assertEquals(Tier.STANDARD, tier("Pas pressé du tout : on peut fixer une date de livraison en juin ?"));
        assertEquals(Tier.STANDARD, tier("How long does delivery take to Perth? Haven't ordered yet."));
    }

    @Test
    void aFrenchNegationAfterTheVerbCalmsWhenItEndsTheClause() {
        assertEquals(Tier.STANDARD, tier("Ça presse pas trop, vous faites le 38 en bleu ?"));
        assertEquals(Tier.URGENT, tier("c'est urgent pas le temps d'attendre"), "the 'pas' negates what follows it");
        assertEquals(Tier.COMPLAINT, tier("la bouilloire ne fonctionne pas du tout"), "after 'ne' it completes the fault");
    }

    @Test
    void aDateWrittenWithItsMonthIsADeadline() {
        assertEquals(Tier.URGENT, tier("We need the cake by the first of June for the christening"));
        assertEquals(Tier.URGENT, tier("il me faut la robe avant le premier juillet"));
    }

    @Test
    void theOrderAskedAboutByAPronounAfterItIsNamed() {
        assertEquals(Tier.URGENT, tier("I ordered two lamps on Friday, are they on their way?"));
        assertEquals(Tier.URGENT, tier("Could the rug be sent out today? The movers come Thursday."));
    }

    @Test
    void anOrderNotReceivedYetIsUrgentNotAFault() {
        assertEquals(Tier.URGENT, tier("I have not received the blender I ordered on the 2nd."),
                "'not ... blender' is no fault of the blender");
        assertEquals(Tier.URGENT, tier("On n'a pas reçu les rideaux commandés la semaine dernière."));
    }

    @Test
    void askingLeaveIsNoCondition() {
        assertEquals(Tier.URGENT, tier("Would it be ok if you deliver the sofa tomorrow before noon?"));
        assertEquals(Tier.URGENT, tier("Ça joue si vous passez le livrer demain matin ?"));
        assertEquals(Tier.STANDARD, tier("Would it be possible to get a refund if it arrives broken?"));
    }

    @Test
    void noneOfItPraiseAndABrokenLanguageAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Colis reçu, zéro casse, merci !"));
        assertEquals(Tier.STANDARD, tier("Ce casque audio il déchire, vous l'avez en blanc ?"));
        assertEquals(Tier.STANDARD, tier("Sorry, my English is a bit broken. Do you sell adapters?"));
    }

    @Test
    void aNegatedHurryCalmsTheDeadlinesOfTheMessage() {
        assertEquals(Tier.STANDARD, tier("Vous avez des ballons pour la fête de samedi ? Rien ne presse."));
        assertEquals(Tier.STANDARD, tier("Ça ne presse pas, mais vous faites la livraison pour samedi ?"));
    }

    @Test
    void someoneElsesProductFromAnotherCompanyIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("My sister's kettle from another company stopped working. Are yours any better?"));
        assertEquals(Tier.STANDARD, tier("My old kettle is broken, I want to buy a new one. Which do you recommend?"));
    }

    @Test
    void nothingInTheLetterboxIsAParcelNotComeYet() {
        assertEquals(Tier.URGENT, tier("Any news of my parcel? Order 44120, still nothing in the letterbox."));
    }

    @Test
    void regionalWordsForBrokenAreDamage() {
        assertComplaintBy("damage", "Le frigo que j'ai acheté chez vous est gâté depuis hier.");
        assertComplaintBy("damage", "Ma lampe de chevet marche pu depuis lundi.");
    }

    @Test
    void aShortFollowUpQuestionGoesOnWithTheHypotheticalBeforeIt() {
        assertEquals(Tier.STANDARD, tier("Does the insurance cover accidental damage? And scratches?"));
        assertEquals(Tier.COMPLAINT, tier("Does the warranty cover it? Mine arrived broken?"), "a question of its own");
    }

    @Test
    void aCoverThatIsAThingAsksNothingAboutAWarranty() {
        assertEquals(Tier.COMPLAINT, tier("The pool cover arrived this morning and it's completely munted"));
        assertEquals(Tier.STANDARD, tier("Does the 2-year warranty on phones cover a cracked screen?"));
    }

    @Test
    void aDeliveryAskedSoonerOrBeforeAMoveIsUrgent() {
        assertEquals(Tier.URGENT, tier("Can we prepone the delivery to Friday?"));
        assertEquals(Tier.URGENT, tier("On emménage jeudi, le lit doit être livré avant. C'est possible ?"));
        assertEquals(Tier.URGENT, tier("Can you confirm the new line will be active tonight?"));
        assertEquals(Tier.STANDARD, tier("What time do you open on Sunday? Planning to prepone my visit to the morning."));
    }

    @Test
    void anotherDealersProductAndATiredCustomerAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("My cousin ordered a bike from another dealer and it arrived bent. How do you pack yours?"));
        assertEquals(Tier.STANDARD, tier("Knackered after the move, no rush, can I pause my rental?"));
    }

    @Test
    void aRefundAskedForIsADemand() {
        assertComplaintBy("refund-demand", "Je souhaite un remboursement ou un échange.");
        assertEquals(Tier.STANDARD, tier("Quelle est votre politique de remboursement ?"));
    }

    @Test
    void theSignatureUnderASignOffIsNotTheMessage() {
        assertEquals(Tier.STANDARD, tier("Bonjour,\nVous avez le manteau Alma en 40 ?\nMerci d'avance.\n\nBien cordialement,\n"
                + "Sophie Dubreuil\nService Réclamations\nMutuelle Atlantique"));
        assertEquals(Tier.COMPLAINT, tier("Hello\nThanks\nThe lamp arrived broken"), "no e-mail body above the 'Thanks'");
        assertEquals(Tier.COMPLAINT, tier("Bonjour,\nVous avez le 40 ?\nCordialement,\nJean\nPS : le dernier est arrivé cassé"),
                "a P.S. is the customer's");
        // a sign-off in lookalike letters (a Cyrillic М) is the sign-off it looks like: the title under it is not read
        assertEquals(List.of(), c.classify("Hello,\nDo you have the Alma coat in a 12?\nNo rush, any time this month is fine."
                + "\n\n\u041Cany thanks,\nDeborah Lewis\nComplaints & Customer Resolution Officer\nHarbour Housing Association")
                .signals());
    }

    @Test
    void frenchDontIsNoEnglishNegation() {
        assertEquals(Tier.COMPLAINT, tier("J'ai reçu une lampe dont le pied est fêlé."));
    }

    @Test
    void praiseAndLongWaitsAreReadForWhatTheyMean() {
        assertEquals(Tier.STANDARD, tier("This jacket is too much! Love it. Do you have it in red?"));
        assertComplaintBy("sarcasm", "Bravo, six semaines pour livrer une chaise.");
    }

    @Test
    void moreWaysToAskAboutTheOwnOrder() {
        assertEquals(Tier.URGENT, tier("Mon colis a bougé ou bien ?"));
        assertEquals(Tier.URGENT, tier("tu peux me l'envoyer avt lundi ?"));
        assertEquals(Tier.URGENT, tier("is my parcel out yet?"));
        assertEquals(Tier.URGENT, tier("ma cmd c pr qd ?"));
    }

    @Test
    void aProblemSettledLaterInItsSentenceIsOver() {
        assertEquals(Tier.STANDARD, tier("The first kettle leaked, the replacement works perfectly, thanks!"));
        assertEquals(Tier.COMPLAINT, tier("It arrived broken, thanks for replacing it, but the new one is scratched too"));
    }

    @Test
    void conditionsInFrenchInvertedOrOpeningOnPourPeuQue() {
        assertEquals(Tier.STANDARD, tier("Le colis arriverait-il abîmé, que faudrait-il faire ?"));
        assertEquals(Tier.STANDARD, tier("Pour peu qu'il pleuve samedi, peut-on décaler la livraison ?"));
    }

    @Test
    void aFakeSiteOrTheBuildingsBoilerIsNotOurs() {
        assertEquals(Tier.STANDARD, tier("Mon frère s'est fait arnaquer par un faux site. Le vôtre est officiel ?"));
        assertEquals(Tier.URGENT, tier("Il me faut le radiateur tout de suite : la chaudière de l'immeuble est en panne."));
    }

    @Test
    void partOfTheParcelThereAndPartNotIsMissing() {
        assertComplaintBy("missing-item", "The lamp is there but the bulbs aren't. Order 5521.");
    }

    @Test
    void holdingOrCollectingAnOrderIsNoHurry() {
        assertEquals(Tier.STANDARD, tier("Can I collect order 21190 from the store instead of having it delivered?"));
        assertEquals(Tier.STANDARD, tier("Can you keep the lamp set for us until the 28th?"));
    }

    @Test
    void moreConditionsAndPolicyQuestions() {
        assertEquals(Tier.STANDARD, tier("Should I ever need a rush delivery, is there a same-day option?"));
        assertEquals(Tier.STANDARD, tier("Were there ever an emergency while travelling, is there a helpline?"));
        assertEquals(Tier.STANDARD, tier("Do you accept returns for broken items, or only unopened ones?"));
    }

    @Test
    void withoutFailIsNoNegation() {
        assertEquals(Tier.URGENT, tier("Sans faute d'ici jeudi soir s'il vous plaît, c'est pour les obsèques."));
    }

    @Test
    void theOwnOrderAskedAboutInMorePlacesWords() {
        assertEquals(Tier.URGENT, tier("Le violon, il est parti de chez vous ?"));
        assertEquals(Tier.URGENT, tier("asan na po yung order ko?"));
        assertEquals(Tier.URGENT, tier("mon colis est à quel niveau ?"));
        assertEquals(Tier.URGENT, tier("my order can send cepat sikit?"));
    }

    @Test
    void aSumChargedAgainstTheSumShownInCaribbeanEnglish() {
        assertComplaintBy("billing-error", "Allyuh charge meh $350 when de site say $300");
    }

    @Test
    void whenTheOwnOrderComesAskedInMoreWays() {
        assertEquals(Tier.URGENT, tier("when's my lawn mower coming? Order 3391."));
        assertEquals(Tier.URGENT, tier("Is my scaffolding on the lorry? Roofers start Wednesday."));
        assertEquals(Tier.URGENT, tier("Commande de lingerie passée dimanche. Elle est expédiée ?"));
        assertEquals(Tier.URGENT, tier("Le patron de couture n° 3310 a déjà été posté ?"));
        assertEquals(Tier.URGENT, tier("Need this yesterday tbh. Order 30019."));
    }

    @Test
    void aProblemSortedAndASpeedPraisedAreNoSignal() {
        assertEquals(Tier.STANDARD, tier("Had an issue last month with a missing remote but your team sorted it fast. Thanks heaps!"));
        assertEquals(Tier.STANDARD, tier("Il y a eu un souci le mois dernier mais vous l'avez réglé super vite, merci encore."));
    }

    @Test
    void aDurationOrAProductComingBackIsNoDeadline() {
        assertEquals(Tier.STANDARD, tier("c combien la location d'une tente pour un weekend ?"));
        assertEquals(Tier.STANDARD, tier("La bougie « Casse-Noisette » revient pour Noël cette année ?"));
        assertEquals(Tier.URGENT, tier("when is the restock?? I need it for my trip on the 14th"), "a restock the customer waits for");
    }

    @Test
    void onlyPartOfTheOrderInTheBox() {
        assertComplaintBy("missing-item", "Nothing damaged, but the box held only the veil. The gloves were not in it.");
    }

    @Test
    void assumingAnEventualAndAConditionalAreConditions() {
        assertEquals(Tier.STANDARD, tier("Assuming a pattern piece were missing, could you email a PDF?"));
        assertEquals(Tier.STANDARD, tier("Le jour où le moteur serait en panne, combien de temps pour un échange ?"));
        assertEquals(Tier.STANDARD, tier("Pour une éventuelle réclamation, c'est par mail ou par téléphone ?"));
        assertEquals(Tier.URGENT, tier("Bonjour, serait-il possible de recevoir les uniformes avant la rentrée de lundi ?"),
                "a polite request is no condition");
    }

    @Test
    void nigerianPidginForBrokenAndAngry() {
        assertEquals(Tier.COMPLAINT, tier("I buy fishing rod from una shop, e don broke for two place. I vex bad."));
    }

    @Test
    void sentOrNotAskedOfTheThingItself() {
        assertEquals(Tier.URGENT, tier("Hiya, any word on the nappies? Ordered Monday."));
        assertEquals(Tier.URGENT, tier("est-ce que la lampe a été expédiée ? Il en a besoin pour réviser."));
        assertEquals(Tier.URGENT, tier("Ma commande 4471 a-t-elle été dispatchée ?"));
        assertEquals(Tier.URGENT, tier("The rental starts on 2 March, can you confirm the clothes will be delivered by then?"));
    }

    @Test
    void aFakeSellerAReplacementMadeAndAPackagingQuestionAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Ma voisine s'est fait arnaquer par un faux vendeur sur Facebook. Vous êtes la vraie page ?"));
        assertEquals(Tier.STANDARD, tier("Le premier stylo était arrivé avec la plume tordue mais vous l'avez remplacé en deux jours. Merci !"));
        assertEquals(Tier.STANDARD, tier("Another shop sent my mate a broken lamp, so I'm buying from you. Is it packed in foam?"));
    }

    @Test
    void productsPlacesAndFinishesNamedWithASignalWord() {
        assertEquals(Tier.STANDARD, tier("Ey up, do you stock an emergency breakaway cable for a caravan?"));
        assertEquals(Tier.STANDARD, tier("Vous faites une réduction pour le personnel des urgences ?"));
        assertEquals(Tier.STANDARD, tier("Is the chess set walnut or stained beech?"));
        assertEquals(Tier.STANDARD, tier("The replacement kettle works perfectly and boils quickly. Does the toaster come in green?"));
    }

    @Test
    void anOrderToComeAndACustomerWhoCannotWork() {
        assertEquals(Tier.STANDARD, tier("Je recommanderai chez vous pour Noël, sans hésiter."));
        assertEquals(Tier.URGENT, tier("Could you check it has left the warehouse? Every day without the van is a day I can't work."));
        assertComplaintBy("accusation", "on s'est bien fait pigeonner, les billets n'étaient pas valables");
    }

    @Test
    void willItMakeItAndSmsSpellingAskAboutTheOwnOrder() {
        assertEquals(Tier.URGENT, tier("Bought the blanket for my mum's 70th on the 9th. Will it make it?"));
        assertEquals(Tier.URGENT, tier("hi m8 wen wil my sauna b dlvrd? ordr 77120"));
        assertEquals(Tier.URGENT, tier("Wah gwaan, mi order fi di shower head, when it a come?"));
    }

    @Test
    void aDiscountNotTakenOffOrMoreThanTheBasketIsABillingError() {
        assertComplaintBy("billing-error", "J'ai saisi le code BIENVENUE15 mais la remise n'a pas été déduite du total.");
        assertComplaintBy("billing-error", "49 € de plus que le panier sur mon relevé. Vous m'expliquez ?");
    }

    @Test
    void aDollarSignEndingAWordIsAnS() {
        assertEquals(Tier.URGENT, tier("Pouvez-vous me rappeler dè$ que possible ?"));
        assertEquals(Tier.STANDARD, tier("It costs 5$ with shipping?"), "after a digit it is a price");
    }

    @Test
    void someoneElsesReviewOrStoveIsNotOurs() {
        assertEquals(Tier.STANDARD, tier("J'ai lu un avis négatif sur la plaque. Elle existe en 4 feux ?"));
        assertEquals(Tier.STANDARD, tier("My brother's stove (not one of yours) cracked last winter. Is yours rated for frost?"));
    }

    @Test
    void whereIsMyOrderInMalayHaitianAndCaribbeanWords() {
        assertEquals(Tier.URGENT, tier("Hi boss, mana my order? Placed Monday, until now no tracking number."));
        assertEquals(Tier.URGENT, tier("Bonjou, ki koté koli an mwen yé? Commande 6631."));
        assertEquals(Tier.URGENT, tier("Wha happenin, allyuh ship de lanterns yet?"));
        assertEquals(Tier.URGENT, tier("Hiya, any sign of the curtains at all?"));
    }

    @Test
    void backFromARepairAndTheFaultAgain() {
        assertComplaintBy("repeat-fault", "The clock went back to you for the ticking noise. Got it back Monday, ticking again by Wednesday.");
    }

    @Test
    void gettingHereAProposalAndAShiftOnAreUrgent() {
        assertEquals(Tier.URGENT, tier("When is my backpack getting here? ordered it on the 2nd"));
        assertEquals(Tier.URGENT, tier("The ring is for a proposal at 8pm tomorrow, can you confirm?"));
        assertEquals(Tier.URGENT, tier("Get a shift on with the paddles please lads, we're on the river Saturday"));
    }

    @Test
    void aPolicyAskedOrAChoiceNotMadeYetIsStandard() {
        assertEquals(Tier.STANDARD, tier("Out of curiosity, what's the policy when a sculpture shows up broken at the venue?"));
        assertEquals(Tier.STANDARD, tier("Which plan is better? Trying to decide before I book for next month."));
    }

    @Test
    void whereTheOrderIsInYorkshireAcadianAndReunionWords() {
        assertEquals(Tier.URGENT, tier("Ey up, any news on me sofa? Ordered it a fortnight ago."));
        assertEquals(Tier.URGENT, tier("Asteur mon lit est rendu où ?"));
        assertEquals(Tier.URGENT, tier("Mon colis lé où ?"));
        assertEquals(Tier.URGENT, tier("Paid on Monday (#BB-1049). Any chance it's out the door yet?"));
        assertEquals(Tier.STANDARD, tier("All arrived grand, nowt broken. Ta very much."));
    }

    @Test
    void praiseAPatternAndAJobTitleAreNoComplaint() {
        assertEquals(Tier.STANDARD, tier("Cracking service from your team last week, cheers! Do you engrave the knives?"));
        assertEquals(Tier.STANDARD, tier("Le parasol a tenu tout l'aprèm avec le mistral. Vous le faites en rayé ?"));
        assertEquals(Tier.STANDARD, tier("Hi, what's the lead time on 500 jars? Best, Tunde Okafor | Head of Complaints Handling"));
        assertEquals(Tier.COMPLAINT, tier("the screen is cracking at the corner"));
    }

    @Test
    void aLeakSettledByTheExchangeIsOver() {
        assertEquals(Tier.STANDARD, tier("Le souci de fuite sur mon fer, réglé par l'échange la semaine dernière : tout marche parfaitement, merci !"));
    }

    @Test
    void aFitterWhoLeftScratchesAndANeighboursFlapFromElsewhere() {
        assertComplaintBy("damage", "Le poseur est reparti en laissant des plinthes non fixées sur tout le salon.");
        assertEquals(Tier.STANDARD, tier("La chatière de ma voisine (pas de chez vous) a lâché. Vous avez un modèle avec puce ?"));
    }

    @Test
    void theOwnOrderAskedAboutInIrishLiberianNigerianAndSwahiliWords() {
        assertEquals(Tier.URGENT, tier("Hi, what's the story with my order IE-5590? Thanks a mil"));
        assertEquals(Tier.URGENT, tier("Hello, my package from y'all not reach yet. Order LR-3390."));
        assertEquals(Tier.URGENT, tier("Good afternoon. How far my order? NG-50021."));
        assertEquals(Tier.URGENT, tier("Ordered a snowboard on the 2nd. When's it getting here?"));
        assertEquals(Tier.URGENT, tier("Niaje, please send the batteries haraka. Order KE-8810."));
    }

    @Test
    void aFaultFixedByTheVisitOrTheReplacementIsOver() {
        assertEquals(Tier.STANDARD, tier("La tablette qui ne s'allumait plus marche nickel depuis le passage de votre technicien, merci !"));
        assertEquals(Tier.STANDARD, tier("The tablet that wasn't charging last week is ok now after your replacement. Thank you!"));
    }

    @Test
    void aCompoundHeadIsNoWarrantyQuestionButAnInvertedVerbIs() {
        assertEquals(Tier.COMPLAINT, tier("Le couvre-liseuse est abîmé, la couture du coin est déjà défaite"));
        assertEquals(Tier.STANDARD, tier("La garantie couvre-t-elle un écran cassé ?"));
    }

    @Test
    void moreWaysToSayNothingIsWrong() {
        assertEquals(Tier.STANDARD, tier("Nothing's broken, I just can't work out how to fold the tripod legs back in"));
        assertEquals(Tier.STANDARD, tier("J'ai été déçu en bien par votre coussin. Il existe en taille enfant ?"));
        assertEquals(Tier.STANDARD, tier("Does the outboard come with a guard? I don't want the prop getting damaged on the reefs."));
        assertEquals(Tier.STANDARD, tier("Is the lining silk? My last suit from another tailor got damaged at the cleaner's."));
    }

    @Test
    void anOrderStillBeingPreparedOrNotReceivedInSmsSpelling() {
        assertEquals(Tier.URGENT, tier("Toujours en préparation ma commande 7001 ?"));
        assertEquals(Tier.URGENT, tier("bjr ma cmd 4412 tjs pas recu, vs pouvez regarder svp"));
    }

    // ------------------------------------------------------------ obfuscation

    @Test
    void symbolsForLettersAndInvisibleTagsStillCount() {
        assertEquals(Tier.COMPLAINT, tier("c'est du $c@m"));
        assertEquals(Tier.URGENT, tier("need it a$ap"));
        assertEquals(Tier.COMPLAINT, tier("it is bro\uDB40\uDC20ken"), "a tag character (outside the BMP) inside the word");
    }

    @Test
    void aFrameFamilyIsNamedInTheSignals() {
        assertComplaintBy("wrong-item", "I ordered the oak desk and you sent me a glass one");
    }

    @Test
    void typoToleranceNeverReadsARealWordAsASignal() {
        assertEquals(Tier.STANDARD, tier("Est-ce que je pourrai changer la couleur ?"), "pourrai is not pourri");
        assertEquals(Tier.COMPLAINT, tier("the heater is borken"), "a misspelling is still read as its word");
        assertEquals(Tier.COMPLAINT, tier("la lampe est arivée cassée et c'est inadmisible"));
    }

    // ------------------------------------------------------------ session of 2026-12-07 (evening): sets cf to ci

    @Test
    void aFrameTriesItsNextAnchorWhenTheFirstIsHypothetical() {
        assertComplaintBy("wrong-item", "Had I wanted the blue kettle, I'd have ordered it. I ordered the red one and got a blue one.");
    }

    @Test
    void aClauseOpeningOnButEndsACondition() {
        assertEquals(Tier.URGENT, tier("In case it gets lost in the post, but mostly I need it before 5pm tomorrow"));
    }

    @Test
    void anOrderNumberAskedAloneIsAboutTheOrder() {
        assertEquals(Tier.URGENT, tier("Cmd 77412 ?"));
        assertEquals(Tier.STANDARD, tier("Is order 77412 the large one?"), "a question about the order's content");
    }

    @Test
    void shouldYouConditionsOnlyItsOwnClause() {
        assertComplaintBy("damage", "Should you want the receipt, it's attached: the kettle lid is cracked.");
        assertEquals(Tier.STANDARD, tier("Should you need me urgently, my number is on the form. Do you do gift wrap?"));
    }

    @Test
    void aConditionRunningIntoANonConditionIsCancelled() {
        assertEquals(Tier.URGENT, tier("Just in case my last email went astray: I need the charger asap"));
    }

    @Test
    void aRequestPutAsAConditionCounts() {
        assertEquals(Tier.URGENT, tier("If you can ship it today that'd be great, we leave on Monday"));
        assertEquals(Tier.URGENT, tier("Please post the spare filters today, we're off on a cruise on Monday"));
    }

    @Test
    void aProductOrAPolicyAskedAboutSetsNoDeadlineAndDemandsNothing() {
        assertEquals(Tier.STANDARD, tier("Vendez-vous des gourdes isothermes pour la rentrée ?"));
        assertEquals(Tier.STANDARD, tier("What happens if the vase arrives chipped? Do you refund or replace?"));
        assertEquals(Tier.STANDARD, tier("c'est juste pour savoir si vous ouvrez le lundi"));
    }

    @Test
    void aSentenceOpeningCapitalDoesNotHideATitleCaseName() {
        assertEquals(Tier.STANDARD, tier("Is the Broken Compass Tour still on sale?"));
    }

    @Test
    void signalWordsInOtherSenses() {
        assertEquals(Tier.URGENT, tier("Je me casse à Berlin demain, le sac peut arriver avant ?"), "se casser: to leave");
        assertEquals(Tier.STANDARD, tier("My son keeps complaining the trains are late, do you sell train sets?"));
        assertEquals(Tier.STANDARD, tier("Le violon n'a jamais sonné aussi juste, merci ! Vous vendez des cordes ?"));
        assertEquals(Tier.STANDARD, tier("Une veste qui sèche vite pour la randonnée, vous avez ?"));
        assertEquals(Tier.STANDARD, tier("Elle a perdu son sac au marché et ne le retrouve plus, vous vendez le même ?"));
        assertEquals(Tier.STANDARD, tier("Quand bien même le carton arriverait déchiré, l'assurance couvre ?"));
        assertEquals(Tier.STANDARD, tier("My neighbour had a nightmare with a plumber who left her pipes leaking. Do you guarantee your work?"));
    }

    @Test
    void complaintsWithoutAComplaintWord() {
        assertComplaintBy("wrong-item", "Vous m'envoyez le pull en gris au lieu du vert");
        assertComplaintBy("damage", "la poignée de la valise est arrivée arrachée");
        assertEquals(Tier.STANDARD, tier("je me suis arraché les cheveux pour choisir la couleur, vous avez le 38 ?"));
        assertComplaintBy("missing-item", "The drone came but there are no propellers in it");
        assertComplaintBy("malfunction", "Le grille-pain s'allume, mais rien ne chauffe");
        assertComplaintBy("malfunction", "Depuis la révision, deux touches restent muettes");
        assertComplaintBy("malfunction", "Le premier accordage n'a pas tenu une semaine");
        assertComplaintBy("malfunction", "C'est urgent : le thermomètre affiche une erreur à chaque mesure");
    }

    @Test
    void urgencyWithoutTheWordUrgent() {
        assertEquals(Tier.URGENT, tier("When will order 44120 be dispached?"), "dispatch misspelt");
        assertEquals(Tier.URGENT, tier("Est-ce qu'il est parti ?"));
        assertEquals(Tier.URGENT, tier("the courier is outside and I'm 10 minutes away, ask him to wait"));
        assertEquals(Tier.URGENT, tier("Ma fille commence lundi et le sac commandé la semaine dernière n'est pas encore là"));
    }

    @Test
    void negationsOfMorePlaces() {
        assertEquals(Tier.STANDARD, tier("Do y'all cater for weddings? Nuh rush, just planning ahead."), "Jamaican nuh");
        assertEquals(Tier.STANDARD, tier("Bonjour, vous livrez les paniers à Aubagne ? Dégun n'est pressé, c'est pour l'été."));
        assertEquals(Tier.STANDARD, tier("Ch'est point pressé, vous avez des barquettes de frites pour une ducasse ?"), "Picard");
        assertEquals(Tier.URGENT, tier("Jaldi karo please, need the sherwani altered"));
        assertEquals(Tier.STANDARD, tier("Salam, what's the price of the 100ml musk? Koi jaldi nahi, just asking."));
        assertEquals(Tier.URGENT, tier("Hello po, pakibilisan, need the banner tomorrow. Pwede pa-rush?"), "pa- asks, it does not negate");
    }

    @Test
    void brokenInOtherSensesAndInCreole() {
        assertComplaintBy("damage", "Le vaz lé kassé, i fo ou ranbours amwin");
        assertEquals(Tier.STANDARD, tier("Mon chum est cassé ce mois-ci, vous faites des paiements en trois fois ?"));
        assertEquals(Tier.STANDARD, tier("On s'est cassé les dents sur la voie rouge 😅 vous ouvrez tard jeudi ?"));
        assertEquals(Tier.STANDARD, tier("Vous avez des pare-brise pour un zodiac de 4 m ?"));
    }

    @Test
    void aGiftOrAVagueMonthIsNoDeadline() {
        assertEquals(Tier.STANDARD, tier("Vous vendez des casse-noisettes en buis ? C'est pour offrir à Noël."));
        assertEquals(Tier.STANDARD, tier("Vous faites des coffrets cadeaux pour Noël ?"));
        assertEquals(Tier.STANDARD, tier("My cat Scamp needs a groom sometime next month, do you take walk-ins?"));
        assertEquals(Tier.URGENT, tier("Our listing goes live on Monday and we still need the photos."));
    }

    @Test
    void theModelDoesNotReadTitles() {
        assertEquals(Tier.STANDARD, tier("Que comprend exactement l'option « Casse & Vol » à 2,99 € par mois pour la tablette ?"));
    }

    @Test
    void theCourierWaitingAtTheDoorIsUrgent() {
        assertEquals(Tier.URGENT, tier("The delivery guy's downstairs and the buzzer is dead, can someone call him?"));
        assertEquals(Tier.URGENT, tier("Le livreur est devant la porte et je suis au travail, vous pouvez lui dire d'attendre ?"));
    }

    @Test
    void anOrderThatWillLeaveAndAnExamAreAskedAbout() {
        assertEquals(Tier.URGENT, tier("Bonjour, quand est-ce que ma commande de graines va partir ?"));
        assertEquals(Tier.URGENT, tier("My driving test is on the 20th, can I book two more lessons before it?"));
    }

    @Test
    void productsAndQuestionsNamedWithASignalWord() {
        assertEquals(Tier.STANDARD, tier("Do you stock emergency locator beacons for kayaks?"));
        assertEquals(Tier.STANDARD, tier("Do you sell emergency contraception without prescription?"));
        assertEquals(Tier.STANDARD, tier("Someone texted me that I won a gift card from you. Is that really you or a scam? Just checking before I click."));
        assertEquals(Tier.STANDARD, tier("Vous préparez des casse-croûtes pour les marcheurs le dimanche matin ?"));
    }

    @Test
    void conditionsInMoreForms() {
        assertEquals(Tier.STANDARD, tier("La séance dût-elle être reportée, serions-nous remboursés ?"));
        assertEquals(Tier.STANDARD, tier("Unless it's urgent on your side, we'd prefer the visit in March."));
        assertEquals(Tier.URGENT, tier("On the off chance the cake arrives squashed, can you redo it the same day? It's for a christening tomorrow."));
    }

    @Test
    void anAsideToTheReaderIsNoCondition() {
        assertComplaintBy("damage", "In case anyone still reads these: the new filter leaks exactly like the last two, and I'm fed up.");
        assertComplaintBy("damage", "Assuming you actually read these: the sandals I bought in June are already peeling.");
        assertComplaintBy("malfunction", "Pour le cas où vous l'auriez oublié : le lave-vaisselle livré mardi ne vidange pas.");
        assertComplaintBy("damage", "Le carton de glaces est arrivé tout décongelé");
    }

    @Test
    void aHyphenBetweenBlanksIsADash() {
        assertEquals(Tier.URGENT, tier("Should anything go wrong with the frame, no problem - but please dispatch it today."));
        assertEquals(Tier.STANDARD, tier("Vous avez des c a s s e - n o i x en buis ?"), "a spaced compound head");
        assertEquals(Tier.URGENT, tier("u-r-g-e-n-t please"), "letters spelled with hyphens");
    }

    @Test
    void aDayThatDoesNotSuitAndALanguageSpokenBadlyAreNoFaults() {
        assertEquals(Tier.STANDARD, tier("Wednesday doesn't work for me, could the fitter come Friday morning instead?"));
        assertEquals(Tier.STANDARD, tier("My English is still quite broken, do you have beginner courses?"));
        assertEquals(Tier.URGENT, tier("Stat, please: the clinic wants the certificate."));
    }

    @Test
    void aSemicolonEndsACondition() {
        assertEquals(Tier.URGENT, tier("Au cas où la guirlande arriverait abîmée, j'en prendrais deux ; il me les faut avant le 15."));
    }

    @Test
    void smsAndDarijaWaysToAskForAnOrder() {
        assertEquals(Tier.URGENT, tier("kan est ce ke ma commande sera expédiée"));
        assertEquals(Tier.URGENT, tier("Salam, vous pouvez envoyer les palmes daba ?"), "daba: now");
    }

    @Test
    void foodsPlansAndDefaultsNamedWithSignalWords() {
        assertEquals(Tier.STANDARD, tier("Le chauffagiste peut-il passer en début d'après-midi ? Je travaille le matin."), "début is no debut");
        assertEquals(Tier.STANDARD, tier("Par défaut, le colis est livré en point relais ? Je préfère à domicile."));
        assertEquals(Tier.STANDARD, tier("Ma sœur a eu des moules abîmées chez un autre poissonnier, vous les emballez comment ?"));
        assertEquals(Tier.STANDARD, tier("Le homard est livré cassé ou entier ?"));
        assertEquals(Tier.STANDARD, tier("Do you sell cracked crab claws by the kilo?"));
        assertEquals(Tier.STANDARD, tier("Le forfait Urgence+ comprend combien de déplacements par an ?"));
        assertEquals(Tier.URGENT, tier("Hi po, can you deliver before my daughter's debut on the 18th?"), "a Filipino debut is a party");
    }

    @Test
    void signalWordsAboutSomethingElse() {
        assertEquals(Tier.STANDARD, tier("Le panier est arrivé juste à temps pour le pique-nique, tout est parfait, merci !"));
        assertEquals(Tier.STANDARD, tier("Do the gloves come in kids sizes? He reckons he's broken the record on his scooter 😂"));
        assertEquals(Tier.STANDARD, tier("Vous avez des gourdes incassables ? Mon fils casse tout 😅"));
        assertEquals(Tier.STANDARD, tier("Les parents m'appellent sans arrêt pour les horaires, vous les avez ?"));
        assertEquals(Tier.STANDARD, tier("Les lunettes existent aussi en écaille ? Prix des verres ?"));
        assertEquals(Tier.STANDARD, tier("Vous reprenez les vieux vélos, ou je dois emmener le mien à la casse ?"));
    }

    @Test
    void aConditionAndTheThreatThatFollowsIt() {
        assertEquals(Tier.STANDARD, tier("Je prends les 20 sacs à condition que vous puissiez livrer en urgence si on manque de stock."));
        assertComplaintBy("formal-complaint", "Pour peu que le prochain bocal arrive ouvert lui aussi, je laisse un avis négatif.");
        assertComplaintBy("missing-item", "Le sachet de graines était à moitié vide.");
    }

    @Test
    void anOrderAskedAfterPolitelyAndAnExamDate() {
        assertEquals(Tier.URGENT, tier("Kindly advise when my order of ink cartridges will be dispatched."));
        assertEquals(Tier.URGENT, tier("The exams start Monday and the revision guides aren't here."));
    }

    @Test
    void aWishPutPolitelyIsNoCondition() {
        assertComplaintBy("formal-complaint", "I would like to make a formal complaint about the clean on Monday.");
        assertEquals(Tier.URGENT, tier("Any chance the parcel would make it to Cork by Thursday?"));
    }

    @Test
    void minutesAwayAndWordsForNow() {
        assertEquals(Tier.URGENT, tier("mon rdv c dans 1h et j'ai perdu la confirmation, c'est à quelle heure ??"));
        assertEquals(Tier.URGENT, tier("my class starts in 15 mins and I'm locked out, can you reset my password now pls"));
        assertEquals(Tier.URGENT, tier("Billets pas reçus et le film commence dans 20 minutes, svp envoyez-les kounye a !"));
        assertEquals(Tier.URGENT, tier("Hariap plis, the SIM card is still not active"), "Tok Pisin");
    }

    @Test
    void fraudChecksComplaintsAgainstTheCustomerAndTheWeatherAreNotAboutUs() {
        assertEquals(Tier.STANDARD, tier("My bank flagged the payment as possible fraud, can I pay by transfer instead?"));
        assertEquals(Tier.STANDARD, tier("Ma voisine a porté plainte contre moi pour la haie 😅 vous taillez aussi les thuyas ?"));
        assertEquals(Tier.STANDARD, tier("Je voulais signaler un changement d'adresse : 12 rue des Lilas."));
        assertEquals(Tier.STANDARD, tier("Fed up with the rain here, when does the outdoor season start?"));
        assertEquals(Tier.STANDARD, tier("Le bungalow est libre pour le 14 juillet ? Combien pour 4 ?"));
    }

    @Test
    void smsSpellingHoursAwayAndStillNothingForAnOrder() {
        assertEquals(Tier.URGENT, tier("Bjr, vous pouvez m'envoyer la facture dés ke possible ? mrc"));
        assertEquals(Tier.URGENT, tier("The prescription is approved, how soon can the driver get here? We leave for camp in two hours."));
        assertEquals(Tier.URGENT, tier("Toujours rien pour ma commande 7730 ?"), "where the order is, not who answers");
        assertComplaintBy("wrong-item", "Bonjou, mwen reçu les lunettes mais la correction est pas bonne du tout.");
    }

    @Test
    void titlesConditionsAndSpecsNamedWithSignalWords() {
        assertEquals(Tier.STANDARD, tier("C'est quoi la musique de votre vidéo ? On dirait le générique d'Urgences 😄"));
        assertEquals(Tier.STANDARD, tier("Were anything to get damaged in storage, would your insurance cover it?"));
        assertEquals(Tier.STANDARD, tier("What's the max payload for the 3.5t van?"));
    }

    @Test
    void faultsToldByWhatHappenedInMorePlaces() {
        assertComplaintBy("malfunction", "The diesel ye delivered has water in it, the engine's coughing like an old tractor.");
        assertComplaintBy("damage", "Your grooming salon return my dog with one big bald patch leh. Nobody tell me anything.");
        assertComplaintBy("anger", "Y'avait pas de fromage dans aucune des deux galettes, chu pas mal déçue.");
        assertComplaintBy("sarcasm", "Thanks for the 'crispy' chips, they were soggy. Reckon we'll eat elsewhere next time.");
        assertComplaintBy("malfunction", "Le wifi a coupé toute la journée de mardi alors qu'on paie l'offre Premium.");
    }

    @Test
    void aRepairOrAnOrderAskedAfterWithADayOrAnHour() {
        assertEquals(Tier.URGENT, tier("Battery send for repair last week, ready or not? Pls check fast fast."));
        assertEquals(Tier.URGENT, tier("Just checking the cake will be ready on time."));
        assertEquals(Tier.URGENT, tier("Ma tondeuse est chez vous depuis le 3, savez-vous quand je peux la récupérer ?"));
        assertEquals(Tier.URGENT, tier("On appareille demain à 5h, vous pouvez livrer le gasoil à soir ?"));
        assertEquals(Tier.URGENT, tier("Le rdv avec le client commence dans une heure, quelqu'un peut m'ouvrir la salle ?"));
        assertEquals(Tier.URGENT, tier("The inspection got moved to the 9th, is there any way you could come before then?"));
    }

    @Test
    void aRentalForAWeekendAndADepositBackAreNoDeadline() {
        assertEquals(Tier.STANDARD, tier("Quelle est la caution pour louer la ponceuse un week-end ?"));
        assertEquals(Tier.STANDARD, tier("How much is the deposit on the rental, and when do I get it back?"));
    }

    @Test
    void quebecAngerAndAWeekendRental() {
        assertComplaintBy("repeat-fault", "Le technicien est passé, il a rien réparé pis l'imprimante sort juste des lignes noires. J'suis en beau fusil.");
        assertComplaintBy("anger", "Allo, chu pas mal en beau fusil, trois appels et personne me rappelle.");
        assertEquals(Tier.STANDARD, tier("Combien pour louer le château gonflable pour une fin de semaine au complet ?"));
    }

    @Test
    void runningOutAndACourtesyConditionAreNoFaultAndNoCondition() {
        assertEquals(Tier.URGENT, tier("Pouvez-vous livrer des cartouches le plus rapidement possible ? Nous n'avons plus rien pour imprimer."));
        assertEquals(Tier.URGENT, tier("Si jamais c'est possible, pourriez-vous préparer ma commande au plus vite ?"));
        assertEquals(Tier.URGENT, tier("URGENT pls call me back, I gave the wrong address for order 77120"), "the customer's own mistake");
    }

    @Test
    void aClosingDateAnExamOrASailingIsADeadline() {
        assertEquals(Tier.URGENT, tier("La date limite de mon inscription est lundi minuit, pouvez-vous m'appeler ?"));
        assertEquals(Tier.URGENT, tier("Mon contrôle de physique est vendredi, il reste une place au cours de demain ?"));
        assertEquals(Tier.URGENT, tier("J'embarque samedi pour six mois, j'aurai besoin de la montre avant."));
        assertEquals(Tier.STANDARD, tier("WHAT TIME DOES THE LAST FERRY LEAVE ON SUNDAYS?"), "a timetable, every Sunday");
    }

    @Test
    void usesTopicsAndPeopleAreNoFaults() {
        assertEquals(Tier.STANDARD, tier("Is the conditioner for damaged hair in the trial box vegan?"));
        assertEquals(Tier.STANDARD, tier("I don't work Fridays, so could the installer come then instead?"));
        assertEquals(Tier.STANDARD, tier("How does your app protect against phishing scams?"));
        assertEquals(Tier.STANDARD, tier("Ma fille ne marche pas encore, le porte-bébé lui convient ?"));
        assertComplaintBy("anger", "Franchement je regrette de m'être abonné, c'est toujours pareil.");
        assertComplaintBy("accusation", "Somebody at your warehouse nicked the voucher out of my parcel. That's theft.");
    }

    @Test
    void theLastRoundsKinds() {
        assertComplaintBy("damage", "The rider left the parcel on the step in the rain, the books are pulp now.");
        assertComplaintBy("malfunction", "The battery una deliver on Monday don die finish, car no gree start.");
        assertComplaintBy("formal-complaint", "si je recois pas mon remboursement je met un avis negatif partout");
        assertEquals(Tier.URGENT, tier("Can I still move my booking? The boat leaves in an hour."));
        assertEquals(Tier.URGENT, tier("qd est-ce ke ma commande 4512 sera expediée"));
        assertEquals(Tier.URGENT, tier("Mon chat a avalé du fil, le véto peut passer maintenant-maintenant ?"));
        assertEquals(Tier.URGENT, tier("Coursier svp dès que possible, pli à déposer au tribunal avant midi"), "a destination, no lawsuit");
    }

    @Test
    void seatsColoursCymbalsCostumesAndMissedFerriesAreNoSignals() {
        assertEquals(Tier.STANDARD, tier("Il reste des places pour le concert du 15 avril ? On serait quatre."));
        assertEquals(Tier.STANDARD, tier("Pour une urgence éventuelle pendant la sortie, il y a une trousse à bord ?"));
        assertEquals(Tier.STANDARD, tier("Do you have a scam artist costume for a 1920s party?"));
        assertEquals(Tier.STANDARD, tier("My son's school project is on consumer rights, could someone who handles complaints talk to him?"));
        assertEquals(Tier.STANDARD, tier("The cake was perfect and everyone asked where it came from!"));
        assertEquals(Tier.STANDARD, tier("Does the paint come in broken white?"));
        assertEquals(Tier.STANDARD, tier("Vous avez des cymbales crash de 16 pouces ?"));
        assertEquals(Tier.STANDARD, tier("On a manqué le traversier, il y en a un autre en soirée ?"));
    }

    @Test
    void aCustomerInGeneralAndAFutureDayAreConditions() {
        assertEquals(Tier.STANDARD, tier("What's your process when a customer wants to file a complaint about a driver? Asking before I book."));
        assertEquals(Tier.STANDARD, tier("Is there an express option for people who need a delivery ASAP? Just curious."));
        assertEquals(Tier.STANDARD, tier("Pour le jour où ce sera vraiment urgent, il y a une ligne directe ?"));
        assertEquals(Tier.STANDARD, tier("Do you sell broken glass offcuts for mosaics by the kilo?"));
        assertEquals(Tier.STANDARD, tier("my brother calls me a fraud bc I only run 5k 😂 which shoe for a beginner?"));
    }

    @Test
    void someoneDueInMinutesIsUrgent() {
        assertEquals(Tier.URGENT, tier("Movers booked for 8am tomorrow, can someone confirm tonight? Key handover at noon."));
        assertEquals(Tier.URGENT, tier("Le technicien passe dans 20 min et je n'ai pas le code, il faut que je le joigne maintenant"));
        assertEquals(Tier.URGENT, tier("Running late, bout 10 min out, can you hold the 4:30 ferry?"));
        assertComplaintBy("anger", "Received the print with the corner creased, quite sian.");
    }

    @Test
    void aModestPreambleDoesNotHideTheComplaint() {
        assertComplaintBy("damage", "I'm not one to complain, but the mango sorbet tasted sour and we were sick after.");
        assertComplaintBy("damage", "You polished my shoes Monday and now there are white streaks that won't come off.");
    }

    @Test
    void moreDaysAndThingsReadyInTime() {
        assertEquals(Tier.URGENT, tier("any chance ye could get the machine out to me by the morn?"), "Scots: tomorrow");
        assertEquals(Tier.URGENT, tier("Ma mère sort de l'hôpital vendredi, il faut que le lit soit installé avant."));
        assertEquals(Tier.URGENT, tier("Nous devons stocker deux palettes dès demain matin, une place est libre ?"));
        assertEquals(Tier.URGENT, tier("Pouvez-vous me confirmer que la machine sera prête à temps ?"));
        assertEquals(Tier.URGENT, tier("what time is the van coming for my sofa pickup today?"));
        assertEquals(Tier.STANDARD, tier("In an emergency, how long does your team usually take to answer the alarm?"));
        assertEquals(Tier.STANDARD, tier("Is there an emergency space blanket in the kit?"));
        assertEquals(Tier.STANDARD, tier("My braces come off Friday, which brush heads do you recommend?"));
    }

    @Test
    void aFaultThatStartedWithTheTechniciansVisitIsNoRepairDone() {
        // "depuis le passage du technicien" says when a fault began as often as when one ended: only the words
        // around it ("marche nickel", "fonctionne parfaitement") tell a repair done
        assertComplaintBy("malfunction", "La hotte fait un bruit de casserole depuis le passage de votre technicien.");
        assertComplaintBy("damage", "Le lave-vaisselle fuit depuis le passage de votre technicien.");
        assertEquals(Tier.STANDARD, tier("La chaudière marche nickel depuis le passage de votre technicien, merci !"));
        assertEquals(Tier.STANDARD,
                tier("Depuis le passage de votre technicien, la chaudière fonctionne parfaitement, merci."));
    }

    @Test
    void anotherTradesmansDamageIsNotOurs() {
        assertEquals(Tier.STANDARD,
                tier("J'ai fait réparer mon vélo par un autre atelier et la roue est voilée, vous pouvez la redresser ?"));
        assertEquals(Tier.STANDARD, tier("Another mechanic cracked the fairing last spring, can you quote for a new one?"));
        assertComplaintBy("damage", "Votre atelier a réparé mon vélo et la roue est voilée depuis.");
    }

    @Test
    void aRefundThatCameSettlesTheDoubleCharge() {
        assertEquals(Tier.STANDARD,
                tier("Merci, le remboursement de la commande facturée deux fois est bien arrivé sur mon compte."));
        assertEquals(Tier.STANDARD,
                tier("Thanks for chasing it up: I was charged twice and the refund has gone through today."));
        assertComplaintBy("billing-error", "I was charged twice and the refund has not arrived.");
        assertComplaintBy("billing-error", "Facturé deux fois et le remboursement n'est toujours pas arrivé.");
    }

    @Test
    void anyDayOfTheWeekIsNoDeadline() {
        // an ignore phrase hides a time from a frame's slot as it hides a word ("on a Saturday": any Saturday)
        assertEquals(Tier.STANDARD, tier("What time does the ferry leave on a Saturday?"));
        assertEquals(Tier.URGENT, tier("Can it leave on Saturday? We need it for the party."));
        assertEquals(Tier.URGENT, tier("Do you deliver on Sundays? We need the marquee for the 14th."));
    }

    @Test
    void someoneElsesReviewAndABookingNotMadeAreNotOurs() {
        assertEquals(Tier.STANDARD, tier("I read a one-star review saying your van broke down on the way to a wedding, "
                + "was that fixed? We're planning to book you for June."));
    }

    @Test
    void theCustomersOwnDoingIsNoComplaint() {
        assertEquals(Tier.STANDARD,
                tier("J'ai fait tomber le vase en le sortant du carton et il est fêlé, vous vendez le couvercle seul ?"));
        assertEquals(Tier.STANDARD, tier("I double clicked and got charged twice, can you refund one?"));
        assertComplaintBy("damage", "Le vase est arrivé fêlé, et en plus j'ai fait tomber le couvercle.");
    }

    @Test
    void howSoonSomethingWasSeenAndBeingAwayAreNoHurry() {
        assertEquals(Tier.STANDARD, tier("Ma fille a remarqué tout de suite la nouvelle vitrine, elle adore !"));
        assertEquals(Tier.STANDARD, tier("I noticed right away that you've changed the logo, looks great."));
        assertEquals(Tier.STANDARD, tier("I'm away until the 30th, so send the invoice whenever."));
    }

    @Test
    void aBookedVehicleReplacedAndAPartThatDidNotWorkAreComplaints() {
        assertComplaintBy("wrong-item", "Nous avions réservé un minibus de 20 places, c'est un van de 9 places qui s'est présenté.");
        assertComplaintBy("malfunction", "The cabin had no working shower for our whole stay.");
        assertEquals(Tier.URGENT, tier("Just checking the replacement filters are on their way, order 55120."));
    }

    @Test
    void damageToldByTasteOrSmell() {
        assertComplaintBy("damage", "The Rioja in the November box was corked, both bottles.");
        assertComplaintBy("damage", "Le cidre a un goût de bouchon, toute la caisse.");
        assertComplaintBy("damage", "The tent smells musty straight out of the bag.");
    }

    @Test
    void theCustomersOwnFaultAndAScamUsingTheShopsNameAreNotOurs() {
        assertEquals(Tier.STANDARD, tier("My fault entirely, I reversed into the gate post and cracked the lamp you "
                + "fitted. Can you order another?"));
        assertEquals(Tier.STANDARD, tier("Heads up, there's a scam ad on Instagram using your logo to sell vouchers. "
                + "Do you open on Sundays?"));
    }

    @Test
    void smsAndScotsWaysToSayNow() {
        assertEquals(Tier.URGENT, tier("Rappelez-moi dé que possible pour le devis svp"));
        assertEquals(Tier.URGENT, tier("Il me faut le vétérinaire tusuite pour la jument"));
        assertEquals(Tier.URGENT, tier("Can ye deliver the hay the morn?"));
    }

    @Test
    void anUrgencyWordReadAsSomethingElseMakesNothingUrgentForTheModelEither() {
        // the rules read "pressé en balles" as baled; the urgency model, which reads every word, is not let make
        // the message urgent on the strength of that word
        assertEquals(Tier.STANDARD, tier("Vos bottes de paille, elles sont pressées en petites ou en grosses balles ?"));
        assertEquals(Tier.STANDARD, tier("La paille est pressée en bottes ou en balles rondes ?"));
    }

    @Test
    void aCountOrderedAgainstACountComeIsAComplaint() {
        assertComplaintBy("missing-item", "Pour le mariage on avait commandé 80 chaises, il en est venu 64.");
        assertComplaintBy("missing-item", "We booked 30 seats for the school trip and there were only 24 on the coach.");
        // the same count both times is no shortfall, and a time is no count
        for (String text : List.of("J'ai commandé 12 roses, 12 roses sont arrivées, merci !",
                "We ordered 2 cakes and they arrived at 10h, lovely.")) {
            assertTrue(c.classify(text).signals().stream().noneMatch(sig -> sig.family().equals("missing-item")),
                    text + ": " + c.classify(text).signals());
        }
    }

    @Test
    void minutesToGoAreATime() {
        assertEquals(Tier.URGENT, tier("Need my boarding pass resent, gate closes in 20 min"));
    }

    @Test
    void wornOutPeopleAndTheCustomersOwnBreakageAreNoDamage() {
        assertRulesAloneReadStandard("Après le trail on était cassés, vos smoothies nous ont requinqués !");
        assertEquals(Tier.STANDARD, tier("J'ai cassé le pied de la lampe en la montant, vous vendez la pièce seule ?"));
        assertEquals(Tier.STANDARD, tier("The last bike shop I used sold me a frame that cracked in a month, total scam. "
                + "Do you stock Canyon frames?"));
    }

    @Test
    void aColourOrWhatCameBackAgainstWhatWasOrdered() {
        assertComplaintBy("wrong-item", "Écharpes commandées en bordeaux, reçues en orange.");
        assertComplaintBy("wrong-item", "The enlargement came back as an A4 instead of the A3 we paid for.");
    }

    @Test
    void somethingPutOnCrookedOrComeAfterItsDayIsAComplaint() {
        assertComplaintBy("damage", "Les étagères sont posées de travers, on dirait un escalier.");
        assertComplaintBy("damage", "The brass nameplate was glued on crooked.");
        assertComplaintBy("no-show", "Les chocolats de Pâques sont arrivés le lendemain de la chasse aux œufs.");
        assertComplaintBy("no-show", "The banner for the fete arrived the day after the fete. Lovely keepsake I guess.");
        assertComplaintBy("no-show", "Le déneigeur est point venu à matin pis on a payé d'avance.");
    }

    @Test
    void anotherTradesmanBeforeUsTheMissingPieceComeAndWheneverItSuits() {
        assertEquals(Tier.STANDARD,
                tier("Mon ancien plombier a bâclé la pose et le voisin a porté plainte, vous faites des devis ?"));
        assertEquals(Tier.STANDARD, tier("La pièce manquante est arrivée ce matin, le puzzle est complet. Merci !"));
        assertEquals(Tier.STANDARD, tier("On n'est pas à une semaine près, livrez quand ça vous arrange."));
        assertEquals(Tier.URGENT, tier("Order 5512, the replacement strap - any movement on that?"));
    }

    @Test
    void aServiceBookedForOneTimeThatCameAtAnotherIsAComplaint() {
        assertComplaintBy("no-show", "Le traiteur était prévu à 18h, il s'est présenté à 20h, les invités avaient faim.");
        // the same time, or the customer's own lateness, is none
        for (String text : List.of("Booked the van for 9am, it came at 9am sharp, thanks!",
                "The tour was booked for 10am and we arrived at 10:20, can we still join?")) {
            assertTrue(c.classify(text).signals().stream().noneMatch(sig -> sig.family().equals("no-show")),
                    text + ": " + c.classify(text).signals());
        }
    }

    @Test
    void aVerbHyphenatedToItsPronounIsNoCompound() {
        // "remboursez-moi" is a verb and its pronoun, not a compound like "casse-noix": the rules read the verb
        assertComplaintBy("refund-demand", "Livraison ratée deux fois, remboursez-moi.");
        assertEquals(Tier.STANDARD, tier("Vous avez des casse-noix en noyer ?"));
    }

    @Test
    void rudeStaffAreAComplaintAndAParcelNotYetComeIsAskedAbout() {
        assertComplaintBy("service-failure", "No complaints about the food, but the delivery driver was rude and dropped the bag.");
        assertEquals(Tier.URGENT, tier("Où en est ma commande ? Passée mardi, toujours rien reçu."));
        assertEquals(Tier.URGENT, tier("Order 5521 still says processing after a week, kindly share the despatch date."));
        assertEquals(Tier.STANDARD, tier("What is the usual dispatch date for pre-orders of the new boots?"));
    }

    @Test
    void aPlaneTakingOffAFeatureOfAPackageAndPricesOfEmergenciesAreNoSignals() {
        assertEquals(Tier.STANDARD, tier("Votre formule comprend-elle la gestion des réclamations avec les traiteurs ?"));
        assertEquals(Tier.STANDARD, tier("What's your emergency call-out fee on a Sunday?"));
        assertEquals(Tier.STANDARD, tier("Le jus de citron est pressé maison ?"));
        assertEquals(Tier.STANDARD, tier("The last cleaning firm we used were a total scam, are your staff vetted?"));
        assertEquals(Tier.URGENT, tier("Mon vol décolle à 18h, le chauffeur sera là à temps ?"));
        assertEquals(Tier.URGENT, tier("Vous pouvez passer asteure ? J'ai besoin de la clé."));
    }

    @Test
    void questionsInvertedWithAHyphenAndAnItemSoldAreReadAsSuch() {
        // Québec's "-tu" and the inversion "-t-il" are no compound: the verb before them counts
        assertEquals(Tier.URGENT, tier("Pis, mon frigo, y s'en vient-tu cette semaine?"));
        assertEquals(Tier.STANDARD, tier("Il vous reste la lampe de la vitrine ou elle est partie ?"));
    }

    @Test
    void aRefundReceivedATeaGradeAndTheNowAreReadAsMeant() {
        assertEquals(Tier.STANDARD, tier("Refund received for the duck, cheers!"));
        assertRulesAloneReadStandard("Do you sell broken orange pekoe in 500 g?",
                "J'ai cassé mon régime pour vos éclairs, bravo !");
        assertEquals(Tier.URGENT, tier("Need the van the now, the gig's at eight."));
        assertComplaintBy("no-show", "Ordered the balloons for 2pm, they reached us at 5pm when everyone had gone.");
    }

    @Test
    void aSeatOrRoomBelowTheOnePaidForIsAComplaint() {
        assertComplaintBy("service-failure", "Paid for premium economy, got downgraded at check-in and nobody explained.");
        assertComplaintBy("service-failure", "On nous a déclassés en éco à l'embarquement, sans un mot.");
        // the customer's own choice of plan is none
        assertEquals(Tier.STANDARD, tier("Can I downgrade my plan to the basic one next month?"));
    }

    @Test
    void onlyPartOfAnOrderComeIsMissingInFrenchToo() {
        assertComplaintBy("missing-item", "Livraison de la table ce matin, seul le plateau est arrivé, pas les tréteaux.");
        assertComplaintBy("missing-item", "Seules les housses sont arrivées, les coussins je les attends encore.");
    }

    @Test
    void aQuoteInsideAnAppIsNoPurchaseNotMadeYet() {
        // "un devis" names a document as often as a quote asked for: only asking for one is pre-purchase
        assertComplaintBy("malfunction", "Le logiciel plante quand j'imprime un devis, depuis la dernière mise à jour.");
        assertEquals(Tier.STANDARD, tier("Je voudrais un devis pour la pose, si la cuve arrive cassée je peux refuser ?"));
    }

    @Test
    void theComplaintsServiceNamedIsNoComplaint() {
        assertEquals(Tier.STANDARD, tier("C'est quoi le mail du service réclamation ? Je dois leur envoyer une facture."));
        assertComplaintBy("no-response", "Trois mails au service réclamations, aucune réponse.");
    }

    @Test
    void aFrenchToothIsNoDentAndLateEveryTimeIsAComplaint() {
        assertEquals(Tier.URGENT, tier("J'ai une dent qui me fait mal depuis ce matin, vous avez un créneau aujourd'hui ?"));
        assertComplaintBy("no-show", "Le coach arrive toujours en retard et finit pile à l'heure, on paie la séance entière.");
        assertComplaintBy("no-show", "Third week running the cleaner is late every time and leaves early.");
    }

    @Test
    void aDeliveryThatCameAtThePromisedTimeIsToldNotAskedFor() {
        assertEquals(Tier.STANDARD, tier("Colis livré à 15h comme promis, merci beaucoup !"));
        assertEquals(Tier.STANDARD, tier("Delivered by 10am as promised, great job."));
        // a time still to be kept is asked for
        assertEquals(Tier.URGENT, tier("Livrez avant 18h comme convenu svp, on part à 19h."));
    }

    @Test
    void datesPromisedOneAfterTheOtherAreAComplaint() {
        assertComplaintBy("no-response", "On m'avait promis le canapé mardi... d'abord c'était mardi, puis vendredi, et là on me dit fin du mois.");
        assertComplaintBy("no-response", "First you said the 3rd, then the 9th, now nobody knows.");
        // a choice changed twice is none
        assertEquals(Tier.STANDARD, tier("First it was the oak, then the walnut, now I'm torn - which one do you recommend?"));
    }

    @Test
    void anIdiomAboutTheCustomersOwnChoiceAndAProblemOverAreNoComplaint() {
        assertRulesAloneReadStandard("Ça me casse la tête de choisir entre le lin et le velours, un conseil ?",
                "Le miroir fêlé a été échangé en deux jours, tout est parfait maintenant, merci !");
    }

    @Test
    void missingAPersonOrAConnectionIsNoMissingItem() {
        assertRulesAloneReadStandard("What time do you close on Sundays? I keep missing you after work.",
                "Missing our connection in Lyon, we'll reach the hotel after midnight: is the desk open?");
        assertComplaintBy("damage", "The lid is missing from the box.");
    }

    @Test
    void aLockedOutCustomerAskingForSomeoneNowIsUrgent() {
        assertEquals(Tier.URGENT, tier("Locked out with the oven on - can you come now? 4 Elm Road"));
        assertEquals(Tier.URGENT, tier("Je suis enfermé dehors, le bébé dort dedans, vous pouvez venir maintenant ?"));
    }

    @Test
    void aTaxiTheLongWayAndAStainStillThereAreComplaints() {
        assertComplaintBy("billing-error", "Your cab took the long way round through town and the fare came to 42 quid.");
        assertComplaintBy("damage", "Got the suit back from cleaning, the grease spot is still there.");
        assertComplaintBy("damage", "Les ourlets du pantalon : une jambe plus courte que l'autre.");
        // a stain gone is a problem over
        assertEquals(Tier.STANDARD, tier("Thanks, the coffee stain came out completely, the shirt looks new."));
    }

    @Test
    void aDemoTomorrowAndToutSuiteMisspeltAreUrgentByTheRules() {
        assertRulesAloneReadUrgent("Vous pouvez m'envoyer le devis signé toute suite ? Le client attend.",
                "Client demo tomorrow at 10, is the meeting room with the big screen booked for us?");
    }

    @Test
    void aDayOfEveryWeekAndWhatAFriendSaysOfAProductAreNoSignals() {
        assertRulesAloneReadStandard("What time does the first delivery run on Sundays?",
                "My friend said your washed-rind cheese smells awful, is it very strong?");
    }

    @Test
    void thanksToSomeoneForSomethingIsNoUrgency() {
        assertEquals(Tier.STANDARD, tier("Big thanks to Sam for Friday, and for fixing the seating mix-up so quickly!"));
        assertEquals(Tier.STANDARD, tier("Merci à Nadia pour le dîner de vendredi, c'était parfait."));
    }

    @Test
    void aStagNightOnADayIsUrgent() {
        assertRulesAloneReadUrgent("Can we book the karaoke room for a stag on Saturday night, 12 of us?",
                "On voudrait réserver deux pistes pour un EVJF demain soir, c'est possible ?");
    }

    @Test
    void invoicedForOneCountAndHadAnotherIsABillingComplaint() {
        assertComplaintBy("billing-error", "The March invoice is for 10 sessions, but with the bank holiday we had 7.");
        // the same count is none
        assertTrue(c.classify("Invoiced for 6 lessons and she had 6, all good, thanks!").signals().stream()
                .noneMatch(sig -> sig.family().equals("billing-error")));
    }

    @Test
    void somethingPutTogetherTheWrongWayRoundIsAComplaint() {
        assertComplaintBy("damage", "L'armoire est montée à l'envers, les portes s'ouvrent vers le mur.");
        assertComplaintBy("damage", "The shelves were fitted upside down, the lip faces the wall.");
    }

    @Test
    void quebecCheatedAndFrenchInAHurryAreSignals() {
        assertComplaintBy("accusation", "On s'est fait enfirouaper : la pose devait être incluse, elle est facturée à part.");
        assertRulesAloneReadUrgent("Je suis à la bourre, vous pouvez garder mon colis au comptoir jusqu'à 19h ?");
    }

    @Test
    void anyConditionalAskedWithItsSubjectAfterItIsACondition() {
        assertRulesAloneReadStandard("Le moteur tomberait-il en panne en plein hiver, vous avez un réparateur à Chicoutimi ?",
                "La valise reviendrait-elle abîmée du vol, vous la remplacez ?");
        // a polite conditional asks: the urgency it asks about counts
        assertRulesAloneReadUrgent("Pourrait-il être livré avant samedi midi ?");
    }

    @Test
    void aListAskedAfterAWarrantyQuestionGoesOnWithIt() {
        assertRulesAloneReadStandard("Qu'est-ce que couvre l'option Sérénité ? Vol, écran fissuré, liquide renversé ?");
        assertComplaintBy("damage", "Mon écran est fissuré depuis la livraison, que couvre votre garantie ?");
    }

    @Test
    void balloonsComeFlatIsDamageAndTabletsToCrushAreNone() {
        assertComplaintBy("damage", "Les 30 ballons de la fête sont arrivés tout dégonflés, ils ne tiennent pas.");
        assertRulesAloneReadStandard("Can the dog's worming tablets be crushed into his food?");
    }

    @Test
    void theCustomersOwnBrokenToothOrBoneIsNoDamage() {
        // at the dentist's or the doctor's the customer asks for care: urgent by its time, no complaint
        assertRulesAloneReadUrgent("Ma fille s'est cassé une dent à la récré, vous pouvez la recevoir ce matin ?",
                "Chipped a tooth on a cherry stone, could you see me this afternoon?");
    }

    @Test
    void damageTheWeatherDidIsNoComplaint() {
        assertRulesAloneReadStandard("The storm ripped two panels off our fence, do you sell the 6ft ones?",
                "La grêle a abîmé la bâche de la piscine, vous faites les bâches sur mesure ?",
                "Le mistral a renversé nos jardinières cette nuit, vous avez des pots de 80 cm ?");
    }

    @Test
    void awayUntilADayIsNoDeadline() {
        assertRulesAloneReadStandard("I'm on leave until 3rd May, kindly share the quotation for two ceiling fans.");
        // a deadline beside it still counts
        assertRulesAloneReadUrgent("I'm away until Friday, please deliver before Thursday noon.");
    }

    @Test
    void aCodeThatNeverCameIsAskedForAgainNotANoShow() {
        assertRulesAloneReadStandard("The login code never came, can you send it again?");
        assertComplaintBy("no-show", "The plumber never came and nobody called.");
    }

    @Test
    void aStainGoneOrAMissingPartFoundIsResolved() {
        assertRulesAloneReadStandard("The stain on my jacket came out with your spray, thanks!",
                "The missing bolt turned up under the sofa, all good!");
    }

    @Test
    void aTimeTheCustomerConfirmsAsksNothing() {
        assertRulesAloneReadStandard("Livraison jeudi 10h, ça me va très bien, merci.");
    }

    @Test
    void aDateMovedAgainAndAgainIsAComplaint() {
        assertComplaintBy("no-response", "They've rescheduled my installation three times already.");
        // the customer's own change of mind names no date
        assertRulesAloneReadStandard("J'ai changé d'avis deux fois, désolée : finalement la taille M.");
    }

    @Test
    void whatTheCustomerTriedAgainAndAgainOrABatteryThatEmptiesIsAFault() {
        assertComplaintBy("malfunction", "J'ai redémarré l'enceinte cinq fois depuis ce matin.");
        assertComplaintBy("malfunction", "La batterie de la trottinette se vide en vingt minutes.");
        assertRulesAloneReadStandard("How long does the battery last on a full charge?");
    }

    @Test
    void toBeSeenTodayIsUrgent() {
        assertRulesAloneReadUrgent("Est-ce que le docteur peut me recevoir ce matin ?",
                "Could you see us this afternoon? The dog has eaten a sock.");
    }

    @Test
    void whatTheCustomerHasLeftIsNoMissingItem() {
        assertRulesAloneReadUrgent("Could you rush my order? It has the insulin pens and we only have two left.");
    }

    @Test
    void aYearIsNoOrderNumber() {
        assertRulesAloneReadStandard("Pour encadrer une affiche de 1968, faut-il vous l'envoyer roulée ?");
        assertRulesAloneReadUrgent("Commande 1987, vous l'envoyez quand ?");
    }

    @Test
    void neitherOneNorTheOtherInTheParcelIsAMissingItem() {
        assertComplaintBy("missing-item", "Le colis de la box Mini Chefs est arrivé hier mais il n'y avait ni les moules ni la notice.");
        assertComplaintBy("missing-item", "Order arrived this morning but there was neither the charger nor the case.");
    }

    @Test
    void notYetDeliveredIsNoMissingItem() {
        assertRulesAloneReadUrgent("Le concert est à 20h et les costumes ne sont pas encore livrés, un coursier est possible ?");
    }

    @Test
    void anotherTradesOrAStallsProblemIsNotOurs() {
        assertRulesAloneReadStandard(
                "Last week another restaurant sent my curry cold and the naan was squashed. Do you use insulated bags?",
                "My last phone case from a flea market cracked within a week, do you sell sturdy ones?");
    }

    @Test
    void anIllnessOrWhoMayComeInIsNoSignal() {
        assertRulesAloneReadStandard("My son has a skin complaint, are your pyjamas 100% cotton?",
                "Do kids need a ticket for the concert on Saturday, or is it free for under 3s?");
    }

    @Test
    void aSlotTodayOrACodeAboutToExpireIsUrgent() {
        assertRulesAloneReadUrgent("Auriez-vous un créneau cet après-midi pour une vidange ?",
                "The pickup code expires in 10 minutes and I'm still in traffic, can you hold the locker?");
    }

    @Test
    void whatTheShopLostIsAComplaint() {
        assertComplaintBy("service-failure", "Brilliant, you lost my prescription again.");
        assertComplaintBy("service-failure", "Merci d'avoir perdu ma réservation, vraiment.");
    }

    @Test
    void meltedOrCaughtFireIsDamage() {
        assertComplaintBy("damage", "The fairy lights melted into the plug socket the first night.");
        assertComplaintBy("damage", "Le chargeur a pris feu sur la table de nuit.");
    }

    @Test
    void heatingBackOnIsResolved() {
        assertRulesAloneReadStandard("The boiler is back on and the radiators are warm again, thank you!");
    }

    @Test
    void aDrivingTestIsAnEventAndThatDateATime() {
        assertRulesAloneReadUrgent("Mon examen du permis a lieu dans 12 jours, il vous reste des leçons de conduite ?",
                "La visite de contrôle est fixée au 30, pouvez-vous m'envoyer l'attestation avant cette date ?");
    }

    @Test
    void aColourTurnedIsDamage() {
        assertComplaintBy("damage", "Les mèches ont viré au jaune après deux lavages.");
        assertComplaintBy("damage", "My white trainers came out pink from your cleaning service.");
    }

    @Test
    void theWrongFileTheCustomerSentIsTheirOwnMistake() {
        assertRulesAloneReadStandard("I sent you the wrong logo for the mugs, here's the right one, sorry!");
    }

    @Test
    void tellingOthersHowTheShopTreatsCustomersIsAThreat() {
        assertComplaintBy("churn-threat", "Mes 2000 abonnés seront ravis d'entendre comment vous traitez vos clients.");
        assertComplaintBy("churn-threat", "We'll be moving our account to another roaster if the beans are stale again.");
        assertRulesAloneReadStandard("Could we move our account to monthly invoicing?");
    }

    @Test
    void exactlyWhatTheCustomerDidNotWantIsSarcasm() {
        assertComplaintBy("sarcasm", "Bravo, c'est exactement ce que je ne voulais pas : des boucles partout.");
    }

    @Test
    void aHaircutIsNoCutOut() {
        assertRulesAloneReadStandard("Je n'imaginais pas une coupe aussi réussie, merci !");
    }

    @Test
    void workFullOfMistakesOrGlassesToSeeNothingAreFaults() {
        assertComplaintBy("malfunction", "The menu translation is full of mistakes, our Spanish guests laughed at it.");
        assertComplaintBy("malfunction", "Je ne vois rien avec les nouvelles lentilles, tout est flou.");
        assertComplaintBy("wrong-item", "Les verres ont été faits avec mon ancienne correction, pas celle de l'ordonnance de mars.");
    }

    @Test
    void paintLeftBehindIsDamage() {
        assertComplaintBy("damage", "The decorator left splashes of paint on the oak floor.");
    }

    @Test
    void movedWithoutAWordOrMarseilleAngerIsAComplaint() {
        assertComplaintBy("no-response", "Le cours de samedi a été déplacé sans qu'on nous prévienne.");
        assertComplaintBy("anger", "Ça m'escagasse, trois semaines pour une paire de lacets.");
    }

    @Test
    void brokenChordsAndRushHourAreNoSignals() {
        assertRulesAloneReadStandard("Do you have a beginner book on broken chords?",
                "Do your couriers avoid rush hour in the city centre?");
    }

    @Test
    void aProblemSettledInsideALongSpanIsResolved() {
        // the frame runs from "arrived" to "without any"; "you replaced it" stands inside it
        assertRulesAloneReadStandard("Two years ago a vase of mine arrived chipped and you replaced it without any fuss, "
                + "which is why I'm ordering again. Is the blue one in stock?");
    }

    @Test
    void workingAgainAfterTheRepairIsNoFaultBack() {
        assertRulesAloneReadStandard("The engineer came on Thursday and the freezer is making ice again.",
                "Le réparateur est passé mardi, la machine remarche comme avant.");
    }

    @Test
    void besidesIsNoOtherShopAndPraiseOfACollectionNoPurchaseToCome() {
        assertComplaintBy("anger", "Le colis est bien arrivé. Par ailleurs, je suis franchement déçu de la qualité du cuir.");
        assertComplaintBy("damage", "J'adore votre nouvelle collection ! Par contre le pull reçu hier a un trou sur la manche.");
    }

    @Test
    void aFirstDateAnnouncedThenOthersIsAComplaint() {
        assertComplaintBy("no-response", "Première date annoncée : le 3 mars, puis le 17, et maintenant on parle d'avril.");
    }

    @Test
    void whatTheLabelSaysAgainstWhatItIsIsAWrongItem() {
        assertComplaintBy("wrong-item", "The tag says XL but it fits like a small.");
    }

    @Test
    void aRefundForAChangeOfMindIsNoComplaint() {
        assertRulesAloneReadStandard("I changed my mind about the blue lamp, can I get a refund if it's unopened?");
    }

    @Test
    void whenACardIsChargedOrAnEffortMadeIsNoSignal() {
        assertRulesAloneReadStandard("Pour une précommande, vous débitez tout de suite ?",
                "On s'est cassé la nénette pour monter le lit, mais il est top !");
    }

    @Test
    void beforeThenAndStillNotComeAreUrgent() {
        assertRulesAloneReadUrgent("Could you email the signed form before then? My notary needs it.",
                "Good evening, my parcel still not come, order 4471.");
    }

    @Test
    void feelingRobbedIsAnAccusation() {
        assertComplaintBy("accusation", "J'ai l'impression d'avoir été volée avec ce forfait.");
    }

    @Test
    void anotherPostponementOrAFirstDateThenOthersIsAComplaint() {
        assertComplaintBy("no-response", "Encore un report pour la pose de la cuisine, ça fait le troisième.");
        assertComplaintBy("no-response", "D'abord le 2 juin, puis le 9, et maintenant plus de date.");
    }

    @Test
    void orderedAndGotTheSameThingIsNoWrongItem() {
        assertRulesAloneReadStandard("Ordered 2 kettles, got 2 kettles, cheers! Do you sell descaler?");
        // nor may the model make it one: the rules read the frame and found the two alike
        assertEquals(Tier.STANDARD, tier("Ordered navy, got navy, thanks"));
        assertComplaintBy("wrong-item", "Ordered 2 kettles, got 2 toasters.");
    }

    @Test
    void aSpacedOutWordOfANearFamilyCounts() {
        assertComplaintBy("malfunction", "Depuis ce matin la cafetière ne c h a u f f e plus.");
    }

    @Test
    void beforeOurArrivalIsATimeAndWhenItWillBeActiveAnOrderQuestion() {
        assertRulesAloneReadUrgent("Pouvez-vous mettre un lit bébé dans la chambre avant notre arrivée, samedi ?",
                "J'ai pris l'option hier, elle sera active quand ?");
    }

    @Test
    void oneKeyInsteadOfTwoOrTheWrongOneHandedOverIsAComplaint() {
        assertComplaintBy("missing-item", "Only one key instead of two in the glovebox.");
        assertComplaintBy("wrong-item", "Au comptoir on m'a donné le modèle 12 V, pas celui en 24 V.");
    }

    @Test
    void aFaultRepairedLongAgoOrTheCustomersOwnCarIsNoComplaint() {
        assertRulesAloneReadStandard(
                "La fuite, réparée en 24 h, merci encore ! Là c'est autre chose : il me faut un devis pour la salle de bain.");
        assertRulesAloneReadUrgent("My car broke down on the M6, can I push the check-in to 10pm?");
    }

    @Test
    void aRefundForWhatHasNothingWrongIsNoComplaint() {
        assertRulesAloneReadStandard("Nothing wrong with the boots, I just prefer the brown ones. Can I get a refund?",
                "Do you gift wrap? It's a joke present for my brother.");
    }

    @Test
    void refusesToOpenOrAHeadacheFromTheGlassesIsAFault() {
        assertComplaintBy("malfunction", "The locker refuses to open with the code you sent.");
        assertComplaintBy("malfunction", "Ces lunettes me donnent mal à la tête après une heure.");
    }

    @Test
    void anEmergencyJobAnEagerCustomerOrAColourSeenElsewhereIsNoSignal() {
        assertRulesAloneReadStandard("My husband is an emergency nurse, do you do evening appointments?",
                "Can't wait to wear it, the dress is gorgeous!",
                "I saw it in a different colour on your Instagram, do you have the sage one?");
    }

    @Test
    void drillingThroughACableIsDamage() {
        assertComplaintBy("damage", "Your fitter drilled through the cable for the kitchen lights.");
    }

    @Test
    void aDateSetThenMovedIsAComplaint() {
        assertComplaintBy("no-response", "The fitting was set for 3 May, moved by your shop to 10 May, and now to 24 May.");
    }

    @Test
    void whatWasApprovedOrAgreedAgainstWhatCameIsAWrongItem() {
        assertComplaintBy("wrong-item", "The banners came printed with the old logo, not the final one we approved.");
        assertComplaintBy("wrong-item", "You sent the matte prints, whereas we agreed on gloss.");
        assertComplaintBy("wrong-item", "We paid extra for a sea-view room and were put in one facing the car park.");
    }

    @Test
    void paidDoubleOrATutorWhoDidNotComeIsAComplaint() {
        assertComplaintBy("billing-error", "Vous avez prélevé l'abonnement et encaissé le chèque : il m'a coûté le double.");
        assertComplaintBy("no-show", "Le moniteur ne s'est pas présenté samedi.");
    }

    @Test
    void aCrownThatMovesOrALaptopThatLosesTheWifiIsAFault() {
        assertComplaintBy("malfunction", "Le bridge posé le mois dernier bouge quand je mange.");
        assertComplaintBy("malfunction", "Since the repair my laptop loses the wifi every ten minutes.");
    }

    @Test
    void beforeTheOpeningIsUrgent() {
        assertRulesAloneReadUrgent("Il nous faudrait les enseignes avant l'inauguration, c'est jouable ?");
    }

    @Test
    void aLensThatKeepsPoppingOutOrTheSameHumAsTheFirstIsAFault() {
        assertComplaintBy("malfunction", "The left lens keeps popping out of the frame.");
        assertComplaintBy("repeat-fault", "The new speaker has the same hum as the first one.");
    }

    @Test
    void aGardenerOrAMoverWhoDidNotComeIsANoShow() {
        assertComplaintBy("no-show", "Le jardinier devait passer à 9h. Il est midi, personne.");
    }

    @Test
    void aQuietRoomInScareQuotesIsSarcasm() {
        assertComplaintBy("sarcasm", "La chambre « calme » donnait sur le chantier.");
    }

    @Test
    void aBrokenRecordAnAccidentOrHowOneSpendsTheDayIsNoSignal() {
        assertRulesAloneReadStandard("Désolée de radoter comme un disque rayé, mais vous l'avez en vert ?",
                "Ce fauteuil est-il confortable quand on passe la soirée devant la télé ?");
        assertNotEquals(Tier.COMPLAINT, rulesAlone.classify(
                "Notre chien a été renversé par une voiture, la clinique veut votre numéro de contrat aujourd'hui.").tier());
    }

    @Test
    void theOldOperatorsProblemIsNotOursAndABusThatLeftWithoutTheCustomerIsAComplaint() {
        assertRulesAloneReadStandard("J'ai eu trois mois pénibles avec mon ancien opérateur : coupures tous les soirs, "
                + "une réclamation sans réponse. Votre fibre est-elle dispo à Niort ?");
        assertComplaintBy("service-failure", "The bus drove off while I was still loading my bike into the hold.");
    }

    @Test
    void notRecommendingTheShopIsAComplaintAndCannotRecommendEnoughIsPraise() {
        assertComplaintBy("churn-threat", "Two hours late and cold. I would honestly not recommend them.");
        assertComplaintBy("churn-threat", "La coupe est ratée, je ne vous recommande pas ce salon.");
        assertRulesAloneReadStandard("I can't recommend your team enough, thanks again!");
    }

    @Test
    void whatWasSoldWithoutAPartIsMissingUnlessItHasNoScratch() {
        assertComplaintBy("missing-item", "The drone you sent me has no propellers.");
        assertComplaintBy("missing-item", "Le puzzle que vous m'avez vendu n'a pas de boîte de rangement.");
        assertRulesAloneReadStandard("The table I received has no scratches at all, lovely. Do you sell the chairs?");
    }

    @Test
    void toldItWasFreeThenBilledIsABillingError() {
        assertComplaintBy("billing-error", "You promised the first service would be included. You have now billed me for it.");
        assertComplaintBy("billing-error", "On m'avait assuré que la pose était offerte, et voilà une facture de 120 euros.");
        assertRulesAloneReadStandard("On m'a dit que l'installation serait gratuite, c'est toujours le cas ?");
    }

    @Test
    void aVisitOnADayIsNoDeadlineAndLastMinuteIsUrgent() {
        assertRulesAloneReadStandard("Do you have the blue helmet in M? I could drop by Thursday after work.");
        assertRulesAloneReadUrgent("Besoin d'un photographe en dernière minute pour ce soir, dispo ?");
    }

    @Test
    void theCustomersOwnBreakageNothingDamagedAfterAllOrASmashedQuizIsNoComplaint() {
        assertRulesAloneReadStandard("J'ai cassé ma montre en jardinant. Vous changez les verres ?",
                "J'ai cru voir une bosse sur l'aile, en fait rien d'abîmé. À jeudi pour la révision.",
                "We smashed the quiz night record, thanks for the venue! Same table next month?");
    }

    @Test
    void theTradeTheCustomerLeftOrTheWorkRedoneIsNoComplaint() {
        assertRulesAloneReadStandard(
                "Notre ancien dentiste était une catastrophe, rendez-vous annulés sans arrêt. Prenez-vous de nouveaux patients ?",
                "Les tirages étaient abîmés au premier envoi, vous avez tout refait en deux jours, merci ! Faites-vous des agrandissements ?");
    }

    @Test
    void somethingDoneWithinTheHourOrAnAppointmentMissedIsPastAndTheCustomersToothIsTheirs() {
        assertRulesAloneReadStandard("Last spring you replied within the hour, so thanks again! Do you have the blue vase in stock?",
                "Je suis tombé malade jeudi, d'où mon rendez-vous manqué. Pouvez-vous m'en proposer un autre ?");
        assertRulesAloneReadUrgent("A piece of my tooth came off at lunch, can you see me today?");
    }

    @Test
    void theTradeLeftBeforeOrTheCustomersOwnSpillIsNotOurs() {
        assertRulesAloneReadStandard(
                "Our previous gardener was a nightmare, half the hedges never got cut. Do you do monthly visits?",
                "J'ai renversé du thé sur la facture, elle est tachée et illisible, pourriez-vous me la renvoyer ?",
                "You double-charged me in May but refunded it straight away, thanks. Can I add a second card?");
    }

    @Test
    void aChildBuzzingOrAShoeArrivingInStoreIsNoSignal() {
        assertRulesAloneReadStandard("The little one was absolutely buzzing after the swim class! Is there a slot on Sundays too?",
                "Les nouvelles baskets arrivent quand en rayon ?");
        assertRulesAloneReadUrgent("Toujours rien sur le suivi, vous savez où en est mon colis ?");
    }

    @Test
    void aTableTakenACakeAfterThePartyOrACleanerWhoLeftEarlyIsAServiceFailure() {
        assertComplaintBy("service-failure", "Notre table était déjà occupée par un autre groupe quand nous sommes arrivés.");
        assertComplaintBy("service-failure", "The cake arrived at 6pm; the party was over and the guests had gone.");
        assertComplaintBy("service-failure", "The cleaner left at 11 instead of 1 and the kitchen was not done.");
        assertComplaintBy("malfunction", "Le portail refuse le code depuis ce matin.");
    }

    @Test
    void aQuoteAfterANamingWordIsATitleAndATitleBetweenAFramesSlotsIsWhatCame() {
        assertRulesAloneReadStandard("Mon mémoire est intitulé « la réclamation en ligne » : puis-je vous poser quelques questions ?");
        assertComplaintBy("wrong-item", "I ordered 'Wolf Hall' and you sent 'Bring Up the Bodies'.");
        assertComplaintBy("wrong-item", "J'avais commandé une plaque « Famille Martin » et vous avez écrit « Famille Martine ».");
    }

    @Test
    void aLateInstructorCallsNotPickedOrAPartyCutShortIsAComplaint() {
        assertComplaintBy("no-show", "Cours réservé pour 9h, prof arrivée à 10h20.");
        assertComplaintBy("no-response", "The plumber has not been picking my calls since Friday.");
        assertComplaintBy("service-failure", "The party room was booked until midnight and was cut off at 10:30.");
        assertComplaintBy("missing-item", "Je n'ai trouvé ni la notice ni les vis dans le carton.");
    }

    @Test
    void dansLesMeilleursDelaisAndADischargeTomorrowAreUrgent() {
        assertRulesAloneReadUrgent("Merci de nous envoyer le devis dans les meilleurs délais.",
                "Mum is being discharged tomorrow at 10, could the flowers be at her house for then?");
    }

    @Test
    void aRepairForFreeAReplacementInThanksOrNewsOfTheWorkAreNoComplaint() {
        assertRulesAloneReadStandard("You fixed the puncture and didn't charge me, thanks! Do you sell lights?",
                "Quick update on the shed you built: still standing after the storm! Do you do decking?",
                "Je suis nulle en couture, vous proposez des retouches ?",
                "Quand mon fils est tombé, vous nous aviez appelés tout de suite. Merci encore ! Reste-t-il des places en septembre ?");
        assertRulesAloneReadUrgent("I sat on my sunglasses, my own fault entirely, and the frame cracked. Can you fix them by Friday?");
    }

    @Test
    void theModelAddsNoComplaintWhenTheCustomerSaysTheShopIsNotToBlame() {
        assertEquals(Tier.STANDARD, tier("Je ne vous reproche rien, j'ai eu la grippe tout le mois et je n'ai pas pu venir. "
                + "Puis-je reporter mes séances ?"));
        assertRulesAloneReadStandard("I've been in hospital with a broken hip since March. Could I pause my plan for two months?");
    }

    @Test
    void nobodyCalledBackLeftInTheLobbyDoubleTheEstimateOrBreakfastClearedEarlyIsAComplaint() {
        assertComplaintBy("no-response", "Personne ne m'a recontacté depuis la visite du technicien.");
        assertComplaintBy("service-failure", "The courier left it in the lobby although I paid for delivery to the flat.");
        assertComplaintBy("billing-error", "The final bill was double what the estimate said.");
        assertComplaintBy("service-failure", "We arrived at 9:30 for breakfast and everything was cleared away.");
        assertComplaintBy("no-show", "Le technicien devait passer lundi pour la chaudière. Jamais vu.");
        assertComplaintBy("malfunction", "The cold room is sitting at 11°C this morning.");
    }

    @Test
    void aRefundReceivedAThingFoundAfterAllOrAMovedAppointmentIsNoSignal() {
        assertRulesAloneReadStandard("Got my refund for the torn curtain, thanks! Do you have the blue ones?",
                "The missing invoice was in my spam folder all along, please close the ticket.",
                "Je peux décaler mon rendez-vous de mardi pour mercredi ?",
                "Please send a copy of the invoice for my reimbursement claim.",
                "Could you tell me what the 'Home Plus' cover includes? Is a cracked basin part of it?");
        assertRulesAloneReadUrgent("Cracked a back tooth on a nut, can you fit me in today?");
    }

    @Test
    void aFlightTakingOffOrChildrenEagerToSeeAFilmIsNoSignal() {
        assertRulesAloneReadUrgent("Notre vol pour Montréal décolle demain à 7h, ma nouvelle carte est-elle partie ?");
        assertRulesAloneReadStandard("Les petits sont pressés de voir le spectacle de marionnettes, il passe à partir de quand ?");
    }

    @Test
    void theFirmUsedBeforeOnesOwnAbsenceAngerOverOrTheWeatherIsNoComplaint() {
        assertRulesAloneReadStandard(
                "Our previous removals company was a nightmare, they broke two chairs. Do you do weekend moves?",
                "Sorry for missing the fitting yesterday, my train was cancelled. Can we rebook next week?",
                "Au début j'étais furieux à cause de la banque, mais la vente est signée, merci ! Vous faites aussi la gestion locative ?",
                "The roof held up through some terrible weather last week. Could you quote for the garage roof too?",
                "Je vous écris pour autre chose que ma commande : vous recrutez des vendeurs ?");
    }

    @Test
    void anInstrumentOutOfTuneAgainDaysAfterTheTuningIsARepeatFault() {
        assertComplaintBy("repeat-fault", "You tuned the guitar on Monday and it was out of tune again by Friday.");
    }

    @Test
    void aSlotGivenToOthersAPromiseNotKeptOrACountShortFarFromTheOrderIsAComplaint() {
        assertComplaintBy("service-failure", "Our table had been given to another family when we arrived, though we had booked a week ago.");
        assertComplaintBy("service-failure", "You promised the fence would be repaired before Easter. None of it has happened.");
        assertComplaintBy("missing-item", "Nous avions commandé 60 verrines pour le buffet du samedi, et au moment du service le traiteur "
                + "n'en a trouvé que 45.");
    }

    @Test
    void aClockWrittenWithAColonIsAClockTime() {
        assertComplaintBy("no-show", "Booked the electrician for 9am, he showed at 12:40.");
        Tokens t = rulesAlone.tokensAfterClassifying("Booked for 9am, he came at 12:40.");
        assertEquals(t.clause[t.count - 2], t.clause[t.count - 1], "the colon of a clock time ends no clause");
    }

    @Test
    void theSameErrorBackOrLeftDownstairsThoughPaidUpstairsIsAComplaint() {
        assertComplaintBy("repeat-fault", "Same error code came back two days after your engineer left.");
        assertComplaintBy("service-failure",
                "Le livreur a laissé le canapé au pied de l'immeuble alors que j'avais payé la livraison à l'étage.");
    }

    @Test
    void assuredFreeThenChargedACarGoneToAnotherCustomerOrACrownThatClicksIsAComplaint() {
        assertComplaintBy("billing-error", "Vous m'aviez assuré que la livraison serait offerte, et je vois des frais de 15 euros.");
        assertComplaintBy("service-failure", "The 5-seater we reserved had gone to another customer when we got to the desk.");
        assertComplaintBy("malfunction", "Since the new crown it clicks when I bite.");
        assertRulesAloneReadStandard("Hi Pete, could you quote for a new shed base? No rush.");
    }

    @Test
    void aQuoteForReplacingAgainstALargerInvoiceIsABillingError() {
        assertComplaintBy("billing-error", "I was quoted £90 for replacing the tap and the invoice says £140.");
    }

    @Test
    void payingOnCollectionOrMoneySentToTheWrongAccountIsNoComplaint() {
        assertRulesAloneReadStandard("Je peux payer par carte quand je viens chercher le vélo réparé ?");
        assertRulesAloneReadUrgent("Please reverse it quickly, I sent the deposit to the wrong account number.");
    }

    @Test
    void aTiredCustomerASalesSloganOrAMutualRefundIsNoComplaintAndTheTheoryTestIsAnEvent() {
        assertNotEquals(Tier.COMPLAINT, rulesAlone.classify("Je suis cassé après le déménagement, vous livrez le samedi ?").tier());
        assertRulesAloneReadStandard("La publicité dit « on casse tout pour les soldes », c'est valable en magasin ?",
                "Le tensiomètre est-il remboursé par la mutuelle ?");
        assertRulesAloneReadUrgent("Mon fils passe son code dans 4 jours, l'accès en ligne est-il activé ?");
    }

    @Test
    void aTradeCalledOutToALeakOrAPowerCutAtHomeIsUrgentNotAComplaint() {
        assertRulesAloneReadUrgent(
                "Le ballon d'eau chaude goutte sur le carrelage, il nous faut un plombier avant ce soir.",
                "No power in the whole flat since the thunderstorm, we need an electrician this afternoon please.",
                "Water coming through the ceiling from the flat above, need a plumber right now!");
        Classification c = Classifier.builtIn().classify(
                "Le ballon d'eau chaude goutte sur le carrelage, il nous faut un plombier avant ce soir.");
        assertEquals(Tier.URGENT, c.tier(), "the learned model does not make a call-out a complaint either: " + c);
    }

    @Test
    void aCallOutToWhatTheShopFittedOrTheSameFaultAgainIsStillAComplaint() {
        assertComplaintBy("damage", "The shower you fitted on Monday leaks behind the tiles, we need a plumber today.");
        assertComplaintBy("damage", "Le radiateur fuit de nouveau, pouvez-vous passer cet après-midi ?");
    }

    @Test
    void findingWaterIsNoProblemSolvedWhileFindingTheCodeIs() {
        assertComplaintBy("damage", "Le lave-vaisselle acheté lundi fuit, j'ai retrouvé de l'eau sous le meuble.");
        assertRulesAloneReadStandard("Le lave-vaisselle fuyait, mais j'ai retrouvé le joint dans le carton, c'est réglé.");
    }

    @Test
    void aDishOrAShadeNamedInQuotesIsNoSignal() {
        assertRulesAloneReadStandard("Le plat « poulet écrasé aux herbes » est-il sans gluten ?",
                "Is the sofa in the shade 'broken white' still in stock?");
    }

    @Test
    void theMonthAheadIsNoDeadlineAndFromWhenAsksAboutStock() {
        assertRulesAloneReadStandard("We're hosting a christening next month, do you rent high chairs?",
                "Le nouveau parfum sera en boutique à partir de quand ?");
    }

    @Test
    void wonderingWhetherAsksAboutTheOrder() {
        assertRulesAloneReadUrgent("Just wondering whether my parcel has left the warehouse yet.");
    }

    @Test
    void leavingForTheCompetitionHandedTheWrongKeysOrAWornStyle() {
        assertComplaintBy("churn-threat", "Troisième coupure cette semaine, je file chez la concurrence.");
        assertComplaintBy("wrong-item", "We booked an estate car and at the counter they handed us the keys to a two-door coupé.");
        assertRulesAloneReadStandard("Le short effet déchiré existe en taille 40 ?",
                "Vous servez des citrons pressés le midi ?");
    }

    @Test
    void anEmergencyVisitAskedForIsACallOut() {
        assertRulesAloneReadUrgent("Le chauffe-eau fuit dans le garage, vous faites des interventions d'urgence le dimanche ?",
                "La chambre froide ne marche plus depuis une heure, je paie le déplacement d'urgence, vous venez quand ?");
    }

    @Test
    void notBeforeAMonthAtTheEarliestIsNoHurryWhileShipAtTheEarliestIs() {
        assertRulesAloneReadStandard("We move in March, so we won't need the beds until May at the earliest. Do they come in oak?");
        assertRulesAloneReadUrgent("Please courier the documents at the earliest, the embassy visit is fixed.");
    }

    @Test
    void aThirdPartysDeadlineOrAnAnswerWithinTheHourIsUrgent() {
        assertRulesAloneReadUrgent("The printer's deadline for the school magazine is Thursday noon, can you send the artwork files?",
                "Please let me know in the next hour, the guests are waiting.");
    }

    @Test
    void someoneSentForInHasteIsACallOutWhileAskedCalmlyItReportsAFault() {
        assertRulesAloneReadUrgent("Water's pouring out under the sink and through the floor, send someone right away!",
                "Le ballon fuit dans le garage, c'est pressé, vous pouvez envoyer quelqu'un tout de suite ?");
        assertComplaintBy("damage", "The wardrobe arrived with a cracked door panel, could you send someone to swap it?");
        assertComplaintBy("damage", "Le buffet est arrivé avec un pied cassé, vous m'envoyez quelqu'un pour le changer ?");
    }

    @Test
    void aPoliteWouldAsksForRealAndTheDayCounts() {
        assertRulesAloneReadUrgent("I would need the suit altered by Thursday, it's for an interview.",
                "It would be great to have the parcel before Saturday, we're away after that.");
    }

    @Test
    void paidExtraForOneSeatAndMovedToAnotherIsAComplaint() {
        assertComplaintBy("wrong-item", "We paid €30 extra for seats 4A and 4B and got moved to row 29 at the gate.");
    }

    @Test
    void aPetBroughtInNowOrAnEmergencyKitOrABrunchOrAShakedownRide() {
        assertRulesAloneReadUrgent("My dog swallowed a sock an hour ago and keeps retching, could we come in now?");
        assertRulesAloneReadStandard("Is the eggs benedict still on at Sunday brunch?",
                "Do you stock an emergency blanket for hiking?", "Can the new wheels be ready for a shakedown run?",
                "Hakuna haraka, what does the green sofa cost?");
    }

    @Test
    void someoneWhoCanComeThisMorningToTheCustomersOwnLeakIsUrgent() {
        assertRulesAloneReadUrgent("Notre vieille baignoire fuit sur le carrelage, quelqu'un peut passer cet après-midi ?");
    }

    @Test
    void aBillWithheldOrTheMatterTakenFurtherIsAComplaint() {
        assertComplaintBy("formal-complaint", "Three visits and the gate still sticks. Until it opens properly I won't be paying.");
        assertComplaintBy("formal-complaint", "Le devis n'est pas respecté : je refuse de payer la différence.");
        assertComplaintBy("formal-complaint", "No answer to four e-mails about the album. I'm afraid I'll have to take this further.");
    }

    @Test
    void aBreakerThatTripsIsAFaultAndAnOpenDayIsNoDate() {
        assertComplaintBy("malfunction", "Depuis la pose du nouveau four, le disjoncteur saute à chaque cuisson.");
        assertRulesAloneReadStandard("We came to the open day on Saturday, what are the fees for year 7?");
    }

    @Test
    void thanksForAHarmIsSarcasmWhileThanksForAHaircutIsThanks() {
        assertComplaintBy("sarcasm", "Thanks so much for ignoring my three emails about the boiler service.");
        assertComplaintBy("sarcasm", "Merci beaucoup d'avoir raccroché au nez de ma mère hier.");
        assertRulesAloneReadStandard("Thanks for cutting my hair so nicely on Saturday, same time next month?");
    }

    @Test
    void aSoakedParcelIsDamageWhileToughenedGlassIsAProduct() {
        assertComplaintBy("damage", "Le colis est arrivé trempé, les comprimés collés ensemble.");
        assertRulesAloneReadStandard("Vous avez du verre trempé pour l'iPhone 15 ?");
    }

    @Test
    void theCustomersOwnGoodsOfferedToTheShopAreNoComplaint() {
        assertRulesAloneReadStandard("Do you buy old watches? Mine has a cracked face but still runs.");
    }

    @Test
    void aProposalIsAnEventAndAnImpostorIsNotTheShop() {
        assertRulesAloneReadUrgent("La bague est prête ? Je fais ma demande samedi soir.");
        assertRulesAloneReadStandard("My neighbour was scammed by someone pretending to be your courier, what number do you text from?",
                "Is the emergency car kit back in stock?");
    }

    @Test
    void foodLateAndColdOrABookedExtraThatIsNotThereIsAComplaint() {
        assertComplaintBy("service-failure", "Livraison arrivée 40 minutes après l'heure prévue, et les plats froids en plus.");
        assertComplaintBy("missing-item", "We booked the suite with a hot tub and there is no hot tub, only a shower.");
    }

    @Test
    void compensationClaimedIsAComplaintAndNeverBetterIsPraise() {
        assertComplaintBy("refund-demand", "Le séjour ne ressemblait en rien à la brochure, nous allons demander une indemnisation.");
        assertRulesAloneReadStandard("Depuis votre réglage, la voiture n'a jamais aussi bien roulé. Vous vendez des pneus neige ?");
    }

    @Test
    void aQuestionAskedWithAndWhetherStillHasItsDeadline() {
        assertRulesAloneReadUrgent("Could you confirm the booking and whether you need the deposit before Friday?");
    }

    @Test
    void aChildToBeSeenAtOnceAfterAFallIsUrgent() {
        assertRulesAloneReadUrgent("My daughter fell off the trampoline and chipped her front tooth, could you see her right away?");
    }

    @Test
    void aSlotAskedForTodayOrAnEmergencyTradeTonightIsUrgent() {
        assertRulesAloneReadUrgent("Earache all night, is there anything free this morning?",
                "The kitchen ceiling is dripping water and there's a crack along it, is there an emergency plumber free tonight?");
    }

    @Test
    void aPairThatIsNoPairOrAShortBoxOrAnotherFrameHandedOverIsAComplaint() {
        assertComplaintBy("wrong-item", "Opened the box to find two left boots, size 9.");
        assertComplaintBy("missing-item", "Commande de 12 macarons pour l'anniversaire : 9 dans la boîte.");
        assertComplaintBy("wrong-item", "La teinte que j'avais choisie était gris perle, celle qu'on m'a remise est beige.");
    }

    @Test
    void thinkingTwiceBeforeBookingAgainIsAThreatToLeave() {
        assertComplaintBy("churn-threat", "The receptionist laughed at my mother's walking frame. We'll think twice before booking again.");
    }

    @Test
    void aChildWhoBreaksThingsTheVenuesOwnShowOrGlassesSatOnAreNoSignal() {
        assertRulesAloneReadStandard("Do you do a tougher lunchbox? My daughter breaks everything within a week.",
                "Are there still seats together for the Christmas show on the 20th?",
                "I sat on my sunglasses and the arm snapped off, do you sell replacement arms?");
    }

    @Test
    void someoneToldToComeQuicklyIsACallOut() {
        assertRulesAloneReadUrgent("Ça sent le brûlé et plus de lumière dans le salon, venez vite s'il vous plaît, c'est urgent !");
    }

    @Test
    void aWinterCoverIsAThingNotAWarrantyQuestion() {
        assertComplaintBy("damage", "We took the winter cover off last week and found four of the pool tiles cracked.");
    }

    @Test
    void theBuildingManagerWhoDoesNotAnswerIsAnotherParty() {
        assertRulesAloneReadUrgent("De l'eau goutte du plafond de la salle de bain et le syndic ne répond pas. Vous pouvez passer ce matin ?");
    }

    @Test
    void someoneAskedToComeTonightIsACallOutButAnApplianceIsTheShopsGoods() {
        assertRulesAloneReadUrgent("The fuse box keeps tripping and half the lights are out, can someone come out tonight?");
        assertComplaintBy("malfunction", "The tumble dryer keeps tripping the fuse and won't heat, can someone come out today?");
        assertComplaintBy("malfunction", "Vous avez posé le volet roulant lundi et le moteur ne marche plus. Vous pouvez passer ?");
    }

    @Test
    void aWarningLightBackOnAfterTheServiceOrChasedThreeTimesOrABookingLostIsAComplaint() {
        assertComplaintBy("repeat-fault", "Révision faite chez vous lundi, le voyant moteur s'est rallumé hier soir.");
        assertComplaintBy("no-response", "Dossier ouvert en mars, trois relances, toujours aucune nouvelle.");
        assertComplaintBy("no-response", "We had a table for six at 8, confirmed by text, and at the door there was no booking under our name.");
        assertComplaintBy("no-response", "Your plumber came into the flat without the 48h notice while my kids were alone.");
    }

    @Test
    void aThreatToCancelAfterAConditionCounts() {
        assertComplaintBy("churn-threat", "Si la ligne coupe encore ce soir je résilie mon abonnement.");
    }

    @Test
    void fixedAndInvisibleOrNothingBrokenOrAnotherProviderIsNoComplaint() {
        assertRulesAloneReadStandard("The dent in the door you fixed, can't even see it now. Do you do valeting too?",
                "Car's grand, nothin broken, just want it looked over before the trip.",
                "My previous provider's router was a nightmare, is yours easy to set up?",
                "Do you sell the broken biscuit ice cream in tubs?");
    }

    @Test
    void aDateAskedForTheOrderOrHasteInCreoleIsUrgent() {
        assertRulesAloneReadUrgent("Le canapé commandé chez vous, il est prévu pour quelle date ?",
                "Fè vit souplé, fòk mwen ni gato-a pou dimanch.");
    }

    @Test
    void theWrongSizeSentTwiceIsAWrongItem() {
        assertComplaintBy("wrong-item", "I asked for the boots in a 6, brown. The parcel was a 7 in grey.");
    }

    @Test
    void aBoxHoldingFewerThanOrderedOrTheMusicCutEarlyOrNobodyCallingBackIsAComplaint() {
        assertComplaintBy("missing-item", "Ordered 24 cupcakes for the office, the box has 18.");
        assertComplaintBy("service-failure", "On avait la salle jusqu'à 1h, le gérant a coupé la musique à 23h.");
        assertComplaintBy("no-response", "Three weeks since the refund was promised and nobody calls back.");
    }

    @Test
    void aVetOnCallNowIsUrgentAndPruningAdviceIsNoDamage() {
        assertRulesAloneReadUrgent("Mon chat a mangé du lys, il y a un vétérinaire de garde maintenant ?");
        assertRulesAloneReadStandard("Faut casser les vieilles tiges du rosier avant l'hiver ?");
    }

    @Test
    void aConfirmationNeverReceivedBeforeAStayIsUrgentAndAFaultSortedLastYearIsNoComplaint() {
        assertRulesAloneReadUrgent("We arrive tonight and I never received the confirmation email, could you send the reference asap?");
        assertRulesAloneReadStandard("Last year the projector failed on day one but your technician had it sorted within minutes. Can we book again for May?",
                "L'an dernier le chauffage avait lâché mais votre technicien l'avait réglé en moins d'une heure. Vous avez des dates en juin ?",
                "Could you have flowers in the room when we arrive on the 12th?");
    }

    @Test
    void ruinedIsDamageAndAScreenThatStaysBlackIsAFault() {
        assertComplaintBy("damage", "The dry cleaner shrank and faded my silk blouse, it's ruined.");
        assertComplaintBy("malfunction", "New tablet from you, the screen stays black whatever I press.");
    }

    @Test
    void aLookAnInvoiceInAnotherNameOrComplaintsAsATopicOrSomeSaturdayAreNoSignal() {
        assertRulesAloneReadStandard("Do you have more of the crackle glaze bowls? I love that cracked look.",
                "Could you reissue the invoice with our VAT number on it?",
                "Je fais une enquête sur la gestion des réclamations en boulangerie, vous auriez 5 minutes ?",
                "On peut venir essayer les robes un samedi matin ?");
    }

    @Test
    void aFixAcknowledgedIsResolvedAndSwitchingSupplierAfterAConditionIsAThreat() {
        assertRulesAloneReadStandard("Le double débit a été régularisé hier, merci à Paul !");
        assertComplaintBy("churn-threat", "If the bill isn't corrected by Friday I'm switching supplier.");
        assertComplaintBy("no-response", "Our premium went up from £40 to £75 with no letter at all.");
    }

    @Test
    void rudeOnThePhoneOrAlwaysLateOrACodeThatWontScanIsAComplaint() {
        assertComplaintBy("no-response", "I rang about the missing parcel and your driver hung up on me.");
        assertComplaintBy("no-response", "La prof de piano arrive systématiquement en retard, c'est la quatrième fois.");
        assertComplaintBy("malfunction", "The tickets you printed have a barcode that won't scan at the gate.");
    }

    @Test
    void anotherFirmsMoveOrAnOutageBackInMinutesOrTodaysOffersAreNoSignal() {
        assertRulesAloneReadStandard("Our last removal with another firm was a disaster. Could you quote for a 2-bed in June?",
                "Petite coupure hier soir, c'est revenu en 10 min. Vous avez des box avec deux décodeurs ?",
                "What are your mobile offers right now?");
        assertRulesAloneReadUrgent("Plus de courant à la boutique et l'alarme sonne, venez fissa, c'est pressé !");
    }

    @Test
    void aGoodReviewPromisedOrTheCustomersOwnMisreadingIsNoComplaint() {
        assertNoComplaint("Le ménage de la cuisine est parfait, je vous laisse un bel avis sur Google !",
                "The vindaloo was far too hot for me but that's on me, I ignored the chilli icons. Anything milder?");
    }

    @Test
    void anotherAirlinesLostBagOrALeakFixedIsNoSignal() {
        assertRulesAloneReadStandard("Another airline lost my suitcase last month, can I bring a second cabin bag with you?",
                "Le plombier est repassé, la fuite est réparée, merci !");
    }

    @Test
    void aKeyThatOpensNothingOrALeakBackAfterTheFixIsAComplaint() {
        assertComplaintBy("malfunction", "The key card from reception doesn't open our room.");
        assertComplaintBy("repeat-fault", "Your man sorted the tap on Tuesday. Leaking again today from the same spot.");
    }

    @Test
    void hoursLateOrAnotherSeatOrRoomOrSomeoneElsesPrintIsAComplaint() {
        assertComplaintBy("no-show", "Le plombier est arrivé à 15h au lieu de 9h, j'ai perdu ma matinée.");
        for (String text : List.of("I paid for seats in the front row, the tickets say row K.",
                "We booked the garden suite and you put us in a room over the kitchen.",
                "J'ai reçu mes cartes de visite mais ce sont celles d'une autre société.",
                "The cushion is not same colour like the website, it is grey.")) {
            assertComplaintBy("wrong-item", text);
        }
        assertComplaintBy("billing-error", "The website said £30 for the tour, my card got hit for £45.");
        assertComplaintBy("sarcasm", "Thanks for the \"homemade\" soup, straight out of a tin.");
        // a date moved by someone else is no seat moved: urgent, not a wrong item
        assertRulesAloneReadUrgent("The sweep is booked for the 14th but the survey got moved to the 10th, could you come before then?");
    }

    @Test
    void aSarcasmWordOutsideQuotesSetsNoComplaintAside() {
        // "fixed" counts only in scare quotes; unquoted and negated it is no rule's word, so the model may still
        // find the complaint
        assertEquals(Tier.COMPLAINT, Classifier.builtIn().classify(
                "The boiler still isn't fixed and we have been cold all week, this is the third engineer.").tier());
    }

    @Test
    void theCustomersOwnScratchOrFallOrAFixThatHeldIsNoComplaint() {
        assertRulesAloneReadStandard("J'ai rayé la porte du buffet en passant l'aspirateur, vous avez un stylo retouche ?",
                "Je me suis vautré en descendant, ma faute totale, le cadre est tordu, vous pouvez regarder ?",
                "The technician replaced the faulty sensor and the temperature is right again, thanks!",
                "Le gigot était accompagné de pommes de terre écrasées, vous faites des plats à emporter ?");
        assertNoComplaint("Le plombier est passé hier soir, vous m'avez sauvé la soirée, merci !");
    }

    @Test
    void aToothacheOrAPetThatSwallowedSomethingIsUrgentAndAPartysSizeIsNoDeadline() {
        assertRulesAloneReadUrgent("Rage de dents depuis hier soir, vous avez un créneau ce matin ?",
                "le gâteau pr 17h ça va le faire ?", "my cat just swallowed a hair tie, are you open now?");
        assertRulesAloneReadStandard("Does your emergency line cover weekends too?",
                "Je voudrais réserver pour 4 le samedi 20, vous avez une terrasse ?");
    }

    @Test
    void aRefundPromisedAndNotPaidOrMessagesIgnoredOrASmokyRoomIsAComplaint() {
        assertComplaintBy("no-response", "They promised the deposit back within a week; a month on, still not a penny.");
        assertComplaintBy("no-response", "Deux séances annulées par le coach, et rien n'a été rattrapé.");
        assertComplaintBy("no-response", "Four emails ignored so far about the same invoice.");
        assertComplaintBy("damage", "The hire car stinks of smoke and the ashtray was full.");
    }

    @Test
    void praiseForADayOrAFixWithinTheHourIsNoDeadlineNorComplaint() {
        assertRulesAloneReadStandard("Tout était parfait dimanche, les invités ont adoré ! Vous faites aussi des buffets froids ?",
                "Livraison nickel ce matin, merci au livreur !",
                "La chaudière faisait un bruit bizarre hier, elle a été réparée dans l'heure, merci !",
                "L'écran qui était fissuré est comme neuf, merci !");
    }

    @Test
    void anIdiomOrAStyleOrAnAppointmentCancelledIsNoSignal() {
        assertRulesAloneReadStandard("Toujours en panne d'inspiration pour la déco du salon, vous avez un catalogue ?",
                "Des poignées style vieilli / rouillé, ça existe ?",
                "J'ai annulé mon rdv de mardi, ma faute. Une dispo la semaine prochaine ?");
    }

    @Test
    void aKitchenFloodedByTheFitterOrAQuietGoodbyeOrAnExplanationDemandedIsAComplaint() {
        assertComplaintBy("damage", "The man you sent flooded our bathroom and went home.");
        assertComplaintBy("churn-threat", "Coupe ratée, frange de travers. Je ne pense pas que je reviendrai.");
        assertComplaintBy("service-failure", "My daughter was served cake with egg despite her allergy form. Please explain how this happened.");
    }

    @Test
    void anotherBankOrTheCurrentProviderOrAGlassTheCustomerBrokeIsNoComplaint() {
        assertRulesAloneReadStandard("Le terminal de mon ancienne banque plantait sans arrêt, le vôtre gère le sans contact ?",
                "My current provider drops the line every evening, I'm fed up. Do you cover postcode BS5?",
                "On a cassé une assiette au gîte, désolés ! Vous voulez qu'on la remplace ?",
                "I chipped a bit off my molar on a boiled sweet, no pain, can I book a normal check-up?",
                "Our teacher wants us to practise writing a complaint email, do you run business writing classes?",
                "Do you open early? I usually train at 6 before work.",
                "Le jus d'orange pressé, c'est combien le litre ?");
    }

    @Test
    void anAssessorAskedForInHasteAfterALeakIsUrgent() {
        assertRulesAloneReadUrgent("Fuite chez nous cette nuit, le parquet gondole, il me faut un expert au plus vite.");
    }

    @Test
    void aPipeThatStartedToLeakIsNoShopToAvoidAndPrintedOnTheWrongPaperIsAWrongItem() {
        assertRulesAloneReadUrgent("Le flexible de la douche s'est mis à fuir, c'est urgent, vous pouvez passer cet après-midi ?");
        assertComplaintBy("wrong-item", "The flyers came printed on flimsy paper instead of the 350gsm card we paid for.");
    }

    @Test
    void theSameSumTakenAgainOrTheDentistsWorkComeAwayOrTheListIgnoredIsAComplaint() {
        assertComplaintBy("billing-error", "The gym took £35 on the 2nd and another £35 on the 4th, I only have one plan.");
        // with a call-out: the work is the practice's own
        assertComplaintBy("damage", "Emergency appointment please, the crown you fitted in May came off this morning.");
        assertComplaintBy("service-failure", "The band opened with a song from our do-not-play list. Great.");
    }

    @Test
    void aReplacementSentOrARepairThatHeldOrThePetsOwnDoingIsNoComplaint() {
        assertRulesAloneReadStandard("The lamp arrived damaged last year and you sent a replacement the next day, lovely. Do you sell matching shades?",
                "Merci, la couronne qui était fendue a été parfaitement réparée. Vous faites aussi le blanchiment ?",
                "Le chien a déjà tout cassé chez moi, vous avez des jouets plus solides ?");
        assertNoComplaint("Mon précédent garagiste m'avait rayé la portière, alors je préfère demander : vous avez une housse de protection ?");
    }

    @Test
    void aBrokenWindowToBoardUpTodayOrAnEmergencyInDigitsFromItsFirstLetterIsUrgent() {
        assertRulesAloneReadUrgent("Someone kicked the shop door in overnight, can you board it up this morning?",
                "my son has a high fever, this is an 3m3rg3ncy, can the doctor call back?");
        // a number, a date or a time that starts with a digit stays one
        assertRulesAloneReadStandard("Do you have the 3rd edition in stock? I'd need 10pcs.");
    }

    @Test
    void aLeakStillThereAfterTheVisitOrAColourGoneWrongOrVisitsThatKeepFailingIsAComplaint() {
        assertComplaintBy("repeat-fault", "He swapped the washer and left, the tap is still dripping.");
        // in a call-out the leak is the customer's emergency, not the trade's work
        assertRulesAloneReadUrgent("Burst pipe under the stairs, I've turned the water off but it's still leaking, need a plumber now!");
        assertComplaintBy("wrong-item", "J'avais demandé un blond vénitien, je ressors orange.");
        assertComplaintBy("repeat-fault", "Le technicien est reparti sans rien brancher, c'est le 3e rendez-vous.");
        assertComplaintBy("wrong-item", "The printer cartridge is the XL model, not the standard one I ordered.");
        assertComplaintBy("damage", "The crown Dr Patel did last week came off with a toffee.");
    }

    @Test
    void shamedInPublicOrAWarningToOthersOrRecordsMovedIsAComplaint() {
        assertComplaintBy("service-failure", "The manager shouted at my son in front of everyone at the counter.");
        assertComplaintBy("churn-threat", "Unless the fee is waived I'll post about it to warn others.");
        assertComplaintBy("churn-threat", "After this I'll be moving my records to another practice.");
    }

    @Test
    void anAsideInBracketsStaysInItsSentenceAndAnAppointmentMissedIsNoDeadline() {
        // "(my own fault!)" does not end the sentence: the customer's own doing covers what follows it
        assertRulesAloneReadUrgent("I sat on my sunglasses (silly me!) and bent the frame. Any chance of a repair today?");
        assertRulesAloneReadStandard("J'ai raté mon rendez-vous de lundi 9h, désolée. Vous avez de la place la semaine prochaine ?",
                "We cancelled last minute on Friday, our fault. Can the deposit go towards another date?",
                "Our previous plumber left a leak that soaked the floor, so could you quote for a new bathroom?");
    }

    @Test
    void goodsOnlyWeeksOldTieACallOutToTheShop() {
        assertEquals(Tier.COMPLAINT, rulesAlone.classify(
                "The pool pump has stopped working, it is only 3 weeks old. Can you send someone asap?").tier());
        assertRulesAloneReadUrgent("The pool pump has stopped working. Can you send someone asap?");
    }

    @Test
    void aThreatAfterAConditionOrABulgingTyreOrTheBoxHoldingSomethingElseIsAComplaint() {
        assertComplaintBy("churn-threat", "Si je n'ai pas de nouvelles lundi, on raconte tout sur les réseaux.");
        assertComplaintBy("churn-threat", "Toujours rien après trois mois, je change d'assureur.");
        assertComplaintBy("damage", "The new tyre you fitted has a bulge on the inside wall.");
        assertComplaintBy("wrong-item", "Instead of the blue kettle the box holds a red toaster, the box says kettle.");
        assertComplaintBy("no-response", "Dossier envoyé il y a six semaines, depuis silence radio.");
    }

    @Test
    void theCustomersOwnFallOrAnEarlierFirmOrAPartStillToComeIsNoComplaint() {
        assertRulesAloneReadStandard("J'ai reculé dans un muret hier (ma faute...), le feu arrière est fêlé. Vous avez la pièce ?",
                "The last roofer we had did a shoddy job, could you quote for a full inspection?",
                "Il ne manque plus que les poignées, qui sont en commande chez le fournisseur : vous avez une date ?",
                "Our last venue cancelled on us (they did refund us in full), do you have dates in May?",
                "Do you do the 'faded film' filter on the prints? J'adore le filtre « pellicule abîmée ».",
                "L'arrêt d'urgence de la machine, on doit le tester chaque semaine ?");
    }

    @Test
    void aTicketToResendTonightOrAnEmergencyCallOutAtNightIsUrgent() {
        assertRulesAloneReadUrgent("I deleted the e-ticket by mistake (sorry!), could you resend it tonight?",
                "Plus de chauffage depuis ce midi et il gèle, vous faites des dépannages urgents le week-end ?");
    }

    @Test
    void aContractBrokenOrChangeShortOrTheWrongPlugOrAnEyeRollIsAComplaint() {
        assertComplaintBy("service-failure", "The contract said the band would play until midnight. They packed up at ten.");
        assertComplaintBy("service-failure", "Vous m'avez rendu la monnaie de 20 € alors que j'avais donné 50 €.");
        assertComplaintBy("service-failure", "The hairdryer came with a US plug, I live in Leeds.");
        assertComplaintBy("no-response", "The waiter rolled his eyes when my dad asked for the menu again.");
        assertComplaintBy("missing-item", "Les 24 macarons pour l'anniversaire : j'en ai compté 18.");
        assertComplaintBy("repeat-fault", "Third week in a row the veg box has come without the eggs.");
        assertComplaintBy("sarcasm", "Loved our 'sea view' room, lovely view of the car park.");
    }

    @Test
    void aShadeOrASoupNamedWithABreakingWordIsNoComplaint() {
        assertRulesAloneReadStandard("Je voudrais un blond cassé pour l'été, il faut combien de séances ?",
                "Votre soupe de pois cassés, elle est faite maison ?");
    }

    @Test
    void aBelgianCallOutOrCustomersFleeingTheHeatIsNoComplaint() {
        assertRulesAloneReadUrgent("Le chauffagiste sait venir ce matin ? La chaudière fuit et c'est urgent.",
                "Venez réparer la ventilation aujourd'hui, les gens fuient la chaleur, c'est urgent !");
    }

    @Test
    void aPartOfTheCountOrAConfirmedRequestMissingOrASeatThatDidNotExistIsAComplaint() {
        assertComplaintBy("missing-item", "Le panier garni : 5 produits sur les 9 annoncés.");
        assertComplaintBy("service-failure", "High chair requested and confirmed twice, none at the table.");
        assertComplaintBy("service-failure", "Siège réservé dans le bus de 8h, le bus n'existait pas.");
        assertComplaintBy("churn-threat", "The premium doubled again, so I'm off to a comparison site.");
    }

    @Test
    void aCallOutForAGlazierOrASaleCompletingIsUrgentAndAFixWithinTheHourIsNot() {
        assertRulesAloneReadUrgent("Need a glazier today, a stone smashed the shop window overnight.",
                "When do you pick up the wardrobe? Our sale completes on the 14th.");
        assertRulesAloneReadStandard("It got fixed within the hour, thanks! Is parking included?",
                "Should our train be late and we arrive after ten, is the key box still usable?",
                "Une dent qui bouge un peu chez ma fille de 6 ans, c'est normal à son âge ?",
                "My old gym was a shambles, half the treadmills broken for weeks. Do you offer a trial week?");
        assertRulesAloneReadUrgent("Douleur terrible depuis cette nuit, un rendez-vous en urgence aujourd'hui ?");
    }

    @Test
    void foodLikeCardboardOrOverbookedOrAFaultOutAgainOrAPostingThreatIsAComplaint() {
        assertComplaintBy("service-failure", "Le pain de ce matin, on aurait dit du carton.");
        assertComplaintBy("service-failure", "The flight was overbooked and we were put on the next day's plane.");
        assertComplaintBy("repeat-fault", "You fixed the porch light on Friday, it's out again tonight.");
        assertComplaintBy("churn-threat", "Three weeks and no parcel. I'll be posting about this everywhere.");
    }

    @Test
    void aFixByTheTeamOrTheCustomersOwnDropOrAnotherStudioOrAProductNamedAfterAnEventIsNoSignal() {
        assertRulesAloneReadStandard("The login issue got fixed by your support in 5 min, cheers! Do you do family plans?",
                "I dropped a glass bottle on the tiles you laid and cracked one, my own fault. Do you have a spare tile?",
                "I used to go to a gym where the classes were always overbooked, do I need to book yours?",
                "Is the braai pack on offer this weekend?");
    }

    @Test
    void paidForAndNotServedOrMilesAddedOrABillAgainstThePlanIsAComplaint() {
        assertComplaintBy("service-failure", "Collected my car after the service with 40 extra miles on the clock.");
        assertComplaintBy("billing-error", "Why is my bill £64 when my contract is £30 a month?");
        assertComplaintBy("wrong-item", "The rug is bright red, please send the correct one and take this back.");
        assertComplaintBy("damage", "The fitter left at noon and by evening there was a brown patch on the ceiling below.");
    }

    @Test
    void aPoliteIfOrASecondSendingThatCameOrTheShopNextDoorReadAsTheyAre() {
        assertRulesAloneReadUrgent("I would be grateful if the repair could be done promptly, I fly out on Friday.");
        assertRulesAloneReadStandard("Le colis manquant m'a été renvoyé tout de suite et il est bien arrivé, merci !",
                "Le plombier d'à côté m'a facturé 300 € pour rien, vous faites les devis gratuits ?",
                "Une fuite chez le voisin la semaine dernière, c'est réparé, comment on fait la déclaration ?",
                "Le meuble a la peinture écaillée exprès ? C'est le style ?");
    }

    @Test
    void theAdvertAgainstRealityOrAnotherKindReceivedOrAWrongAddressOrBagsSentAwayIsAComplaint() {
        assertComplaintBy("wrong-item", "On the website: sea view and a hot tub. In reality: a car park and a cold paddling pool.");
        assertComplaintBy("wrong-item", "Cartes commandées en papier mat, reçues en papier brillant.");
        assertComplaintBy("service-failure", "The birthday cake went to the wrong address and nobody told us.");
        assertComplaintBy("no-response", "Our bags went to Rome, we went to Nice, and nobody can say when they come.");
        assertComplaintBy("no-response", "Vous fermez le club en mai sans parler de remboursement pour l'année payée ?");
        assertComplaintBy("wrong-item", "We ordered the oak table and what we got is pine painted brown.");
        assertComplaintBy("churn-threat", "If the deposit isn't back by Monday I'm going straight to the police.");
    }

    @Test
    void aVoucherOrALockedOutQuestionOrALeakFixedNextDayReadAsTheyAre() {
        assertRulesAloneReadUrgent("Enfermé dehors avec le bébé, un serrurier peut venir dans combien de temps ?");
        assertRulesAloneReadStandard("La fuite sous l'évier a été réparée dès le lendemain, merci ! Vous posez aussi des robinets ?",
                "Je n'ai pas le bon de réduction sur moi, je peux le montrer sur mon téléphone ?");
    }

    @Test
    void aFirstBillAgainstAnOfferOrWorkNotAskedForOrPhotosOfSomeoneElseIsAComplaint() {
        assertComplaintBy("billing-error", "The shop said £20 a month for the plan. First bill: £34.");
        assertComplaintBy("service-failure", "Your gardener pruned the roses right down, which I never asked for.");
        assertComplaintBy("wrong-item", "The prints you sent back are not my photos, they're someone's wedding.");
        assertComplaintBy("churn-threat", "Si rien ne change d'ici lundi, je pars chez un autre fournisseur.");
    }

    @Test
    void theShopsOwnWorkTiesACallOutAndAPetsDoingOrABurglaryOrAFixThatHeldIsNoComplaint() {
        assertEquals(Tier.COMPLAINT, rulesAlone.classify(
                "L'allée que vous avez coulée en mai est fissurée, vous pouvez passer voir ?").tier());
        assertRulesAloneReadStandard("The dog knocked the lamp off the table and cracked the shade, our fault. Do you sell shades?",
                "We've been broken into twice, could you quote for an alarm?",
                "Le chauffage ne marchait pas à l'arrivée, le technicien l'a réglé le soir même et tout a été parfait ensuite. Merci !");
        assertRulesAloneReadUrgent("J'ai oublié le badge au bureau, vous pouvez m'en faire porter un aujourd'hui ?",
                "yo whens my parcel coming, been ages");
    }
}
