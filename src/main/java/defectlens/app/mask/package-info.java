/** The mask editor in the SEM viewer, the Edit menu and the mask validation queue. */
package defectlens.app.mask;
