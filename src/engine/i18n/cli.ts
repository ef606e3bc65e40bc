/**
 * The command line's texts added to the product's catalogues. Every command-line module that
 * says something imports this module for that effect, so the texts are there whichever of them
 * runs first, and the functions' and the task pane's bundles, which import none of them, stay
 * without them.
 */
import { cliEn } from "./cli-en";
import { cliZh } from "./cli-zh";
import { addCatalogue } from "./index";

addCatalogue("en", cliEn);
addCatalogue("zh", cliZh);
