/** REST interface of the information context: {@code /api/v1/information}. */
package org.hutong.information.interfaces.rest;
