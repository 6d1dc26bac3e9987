// The build drops the design system's rules for classes the app never uses
// (scripts/trim-css.mjs). What it keeps decides how every page looks, so its
// rules are checked here on small stylesheets, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classesIn, trimCss } from '../../scripts/trim-css.mjs';

const used = classesIn([
  'view! { <button class="nhsuk-button nhsuk-button--secondary">"Save"</button> }',
  'format!("nhsuk-table__caption nhsuk-table__caption--{size}")',
]);

test('rules for classes the sources use are kept, and the others dropped', () => {
  const css = '.nhsuk-button{color:red}.nhsuk-button--warning{color:blue}.nhsuk-button--secondary,.nhsuk-u-width-one-half{color:green}';
  assert.equal(trimCss(css, used), '.nhsuk-button{color:red}.nhsuk-button--secondary,.nhsuk-u-width-one-half{color:green}');
});

test('element rules, run-time prefixes and :not() arguments are kept; the app\'s own classes only where named', () => {
  const css = 'body{margin:0}.app-anything{x:1}.app-used{x:5}.nhsuk-table__caption--m{x:2}.nhsuk-button:not(.nhsuk-button--reverse){x:3}a:focus .nhsuk-tag{x:4}';
  const withApp = classesIn(['view! { <p class="app-used"> }', 'format!("nhsuk-table__caption nhsuk-table__caption--{size}")', '"nhsuk-button"']);
  assert.equal(trimCss(css, withApp), 'body{margin:0}.app-used{x:5}.nhsuk-table__caption--m{x:2}.nhsuk-button:not(.nhsuk-button--reverse){x:3}');
});


test('media queries keep their used rules, lose empty bodies, and other at-rules stay whole', () => {
  const css = '@media (min-width:40.0625em){.nhsuk-button{x:1}.nhsuk-grid-column-one-third{x:2}}@media print{.nhsuk-u-margin-0{x:3}}@keyframes spin{0%{a:b}to{a:c}}/* a comment with { */@supports (display:grid){@media print{.nhsuk-button--secondary{x:4}}}';
  assert.equal(trimCss(css, used), '@media (min-width:40.0625em){.nhsuk-button{x:1}}@keyframes spin{0%{a:b}to{a:c}}@supports (display:grid){@media print{.nhsuk-button--secondary{x:4}}}');
});
