/**
 * The review's texts added to the product's catalogues. Every engine module that says one of
 * them imports this module for that effect, so the texts are there whichever of them runs first,
 * and the custom functions' bundle, which imports none of them, stays without them.
 */
import { addCatalogue } from "./index";
import { reportEn } from "./report-en";
import { reportZh } from "./report-zh";

addCatalogue("en", reportEn);
addCatalogue("zh", reportZh);
